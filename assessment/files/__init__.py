"""Files read and written safely: YAML with line marks, validation, atomic writes, sheets."""
