"""The framework layer: bases and engines every app builds on, knowing no app.

Model bases (``models``), dates with precision (``dates``), periods and their overlap
(``periods``), and the engines for scoping (``scoping``), visibility (``visibility``), search
(``search``) and history (``history``), plus base admin classes (``admin``) and base API parts
(``api``). Nothing here imports ``places``, ``partnerships``, ``strategy`` or the project's top
floor: the apps tell the framework what it needs to know — each model declares how it reaches
its system, and each app registers its visibility rules and search indexes in
``AppConfig.ready()`` (see ``registry``). The import contract in pyproject.toml enforces it.
"""
