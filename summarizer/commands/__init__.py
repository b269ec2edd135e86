"""The commands the CLI offers, one module each; each ``run`` returns an exit status (errors.ExitStatus)."""
