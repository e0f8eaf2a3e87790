"""Writing, in two rooms:

- ``checks/``: the check engine (spelling, grammar, style, readability, the rubric), pure Python with no
  Qt and no database: ``from app.writing.checks import Checker, CheckConfig``. See ``app.writing.checks``.
- this package: the classroom service over the database, ``service.WritingService``
  (``services.writing``): writing tasks and the class word list (assignments), a student's
  draft and its versions (drafts), the teacher's review, comments and handing back (review), who may
  see what (access), with plain data in results, stored settings <-> CheckConfig in criteria, version
  differences in diff and comment anchors in anchors. Import them from their modules.
"""
