"""The last stage of the pipeline: records written out for people and other programs."""
