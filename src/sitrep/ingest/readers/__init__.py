"""Built-in readers, one module per format; each defines ``READER`` (see ``registry``)."""
