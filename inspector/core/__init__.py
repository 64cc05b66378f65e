"""The Qt-free core: events, loaders, triggers, mappings, destinations and inspection."""
