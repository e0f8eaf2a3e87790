"""The school as a whole (issue 21): leaders and co-teachers, teachers' own notes, the leader's
overview and success measures, the school library, teams across classes, framework versions."""
