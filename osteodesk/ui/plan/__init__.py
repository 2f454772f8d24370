"""The Plan tab: ranked options, the chosen plan and its history."""
