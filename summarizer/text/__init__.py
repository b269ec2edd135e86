"""The Vietnamese text layer: reading inputs, normalising, folding keys, removing portal cruft."""
