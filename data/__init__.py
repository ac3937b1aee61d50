"""The bundled dataset, shipped inside the package as cstofacts.data."""
