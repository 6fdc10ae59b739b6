"""One module per `kg` command; shared option bundles live in `options`."""
