"""Services that join text analysis and storage: ingesting files and pages, linking
claims to evidence, reviewing, findings, settings. The faces (cli, tui, report) call these."""
