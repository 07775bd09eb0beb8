"""Build settings pyproject.toml cannot hold: the optional C helper of the PDF reader.

`minutebook.read._runs` finds the character range of each pdfium text segment in one call per
page (see src/minutebook/read/_runs.c). It is optional: where no C compiler is at hand the
build goes on without it and the reader takes its pure-Python path, with the same output.
"""

from setuptools import Extension, setup

setup(ext_modules=[Extension("minutebook.read._runs", ["src/minutebook/read/_runs.c"], optional=True)])
