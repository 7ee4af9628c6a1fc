//! kiln-python
