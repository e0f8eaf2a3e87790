"""Plans, goals, challenges, check-ins and "what next" (each a typed field of ``app.bootstrap.Services``).

Services (each takes the acting user first, checks permission, does one unit of work):
- ``PlanService``: a student's plan, goal suggestions, self-assessment, evidence; the teacher's
  feedback, approval and class overview (on track / behind / done).
- ``ChallengeService``: challenges from scratch or a template, teams (with suggestions), the board.
- ``TeamWorkService``: checkpoint status, progress notes, reflections, attached files, rubric scores.
- ``CheckInService``: mood and energy check-ins, the class trend and the quiet low-mood flag.
- ``WhatNextService``: the student's ranked "what next", each with its reason.
- ``ReportService``: a student's progress report (data for the PDF) and the class summary CSV.
- ``AttentionService``: for the roster, who is stuck in practice, behind on their plan, or waiting
  for feedback on an essay.

Pure functions with no database: ``progress`` (goal progress and pace), ``suggest`` (goal ideas),
``teams`` (team suggestions), ``next_steps`` (the ranking rules), ``attachments`` (file checks).
Celebrations (a student's wins) live one floor down, in ``app.people.celebrations``, because
practice records them too.
"""
