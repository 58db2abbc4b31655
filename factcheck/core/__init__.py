"""The core: extraction, storage, linking, review. No UI imports, ever."""
