"""Storage: the tables, the engine and its migrations, queries and filters, backups,
atomic file writes, stored vectors, and the statuses a claim can have."""
