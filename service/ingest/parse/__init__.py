"""The parse stage: raw copy in, the story apart from the page around it, its metadata, its
sentences, and the hashes that say when two copies are one."""
