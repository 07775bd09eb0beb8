"""Linking across packs: one person, one action, one work-programme item, however often printed."""
