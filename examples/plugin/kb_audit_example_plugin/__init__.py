"""An example kb-audit rule plugin."""
