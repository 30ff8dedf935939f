"""Developer and CI commands (`python -m macros <command>`). Never imported by the build."""
