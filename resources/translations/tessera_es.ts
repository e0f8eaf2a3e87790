<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>met</source>
        <translation>cumplida</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>todavía no</translation>
    </message>
    <message>
        <source>No students or no skills yet.</source>
        <translation>Aún no hay estudiantes o no hay habilidades.</translation>
    </message>
    <message>
        <source>%n student(s)</source>
        <translation>%n estudiante(s)</translation>
    </message>
    <message>
        <source>%n skill(s)</source>
        <translation>%n habilidad(es)</translation>
    </message>
    <message>
        <source>nothing practised yet</source>
        <translation>nada practicado aún</translation>
    </message>
    <message>
        <source>Not started: %1</source>
        <translation>Sin empezar: %1</translation>
    </message>
    <message>
        <source>No skills yet.</source>
        <translation>Aún no hay habilidades.</translation>
    </message>
    <message>
        <source>No check-ins yet.</source>
        <translation>Aún no hay registros de ánimo.</translation>
    </message>
    <message>
        <source>%n day(s) of check-ins</source>
        <translation>%n día(s) de registros de ánimo</translation>
    </message>
    <message>
        <source>from %1 to %2.</source>
        <translation>del %1 al %2.</translation>
    </message>
    <message>
        <source>Mood averaged %1 of 5 (lowest %2 on %3, highest %4 on %5); energy averaged %6.</source>
        <translation>El ánimo promedió %1 de 5 (mínimo %2 el %3, máximo %4 el %5); la energía promedió %6.</translation>
    </message>
    <message>
        <source>Latest, %1: mood %2, energy %3.</source>
        <translation>Último, %1: ánimo %2, energía %3.</translation>
    </message>
    <message>
        <source>%1: mood %2, energy %3</source>
        <translation>%1: ánimo %2, energía %3</translation>
    </message>
</context>
<context>
    <name>AnswerBox</name>
    <message>
        <source>Your answer</source>
        <translation>Tu respuesta</translation>
    </message>
    <message>
        <source>Answer %1: %2</source>
        <translation>Respuesta %1: %2</translation>
    </message>
</context>
<context>
    <name>BoardTable</name>
    <message>
        <source>Challenge board</source>
        <translation>Tablero del desafío</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Publicaciones</translation>
    </message>
</context>
<context>
    <name>CelebrationList</name>
    <message>
        <source>Celebrations</source>
        <translation>Celebraciones</translation>
    </message>
    <message>
        <source>No celebrations yet.</source>
        <translation>Aún no hay celebraciones.</translation>
    </message>
</context>
<context>
    <name>ChallengeDialog</name>
    <message>
        <source>New challenge</source>
        <translation>Nuevo desafío</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>Empezar desde</translation>
    </message>
    <message>
        <source>A blank challenge</source>
        <translation>Un desafío en blanco</translation>
    </message>
    <message>
        <source>Challenge title</source>
        <translation>Título del desafío</translation>
    </message>
    <message>
        <source>Driving question</source>
        <translation>Pregunta guía</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Community partner</source>
        <translation>Socio de la comunidad</translation>
    </message>
    <message>
        <source>Who it is for</source>
        <translation>Para quién es</translation>
    </message>
    <message>
        <source>This class (%1)</source>
        <translation>Esta clase (%1)</translation>
    </message>
    <message>
        <source>Every class in grade %1</source>
        <translation>Todas las clases de grado %1</translation>
    </message>
    <message>
        <source>The whole school</source>
        <translation>Toda la escuela</translation>
    </message>
    <message>
        <source>&amp;Start from:</source>
        <translation>&amp;Empezar desde:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>&amp;Driving question:</source>
        <translation>&amp;Pregunta guía:</translation>
    </message>
    <message>
        <source>&amp;Brief:</source>
        <translation>&amp;Resumen:</translation>
    </message>
    <message>
        <source>Community &amp;partner:</source>
        <translation>&amp;Socio de la comunidad:</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>&amp;Para:</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Habilidades</translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation>Rúbrica</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Criterio</translation>
    </message>
    <message>
        <source>1 Beginning</source>
        <translation>1 Inicial</translation>
    </message>
    <message>
        <source>2 Developing</source>
        <translation>2 En desarrollo</translation>
    </message>
    <message>
        <source>3 Secure</source>
        <translation>3 Logrado</translation>
    </message>
    <message>
        <source>4 Extending</source>
        <translation>4 Avanzado</translation>
    </message>
    <message>
        <source>Add a criterion</source>
        <translation>Agregar un criterio</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>Puntos de control</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>Punto de control</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Add a checkpoint</source>
        <translation>Agregar un punto de control</translation>
    </message>
    <message>
        <source>New checkpoint</source>
        <translation>Nuevo punto de control</translation>
    </message>
    <message>
        <source>Challenge parts</source>
        <translation>Partes del desafío</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Acerca de</translation>
    </message>
    <message>
        <source>S&amp;kills</source>
        <translation>&amp;Habilidades</translation>
    </message>
    <message>
        <source>&amp;Rubric</source>
        <translation>&amp;Rúbrica</translation>
    </message>
    <message>
        <source>&amp;Checkpoints</source>
        <translation>&amp;Puntos de control</translation>
    </message>
    <message>
        <source>Challenge form message</source>
        <translation>Mensaje del formulario del desafío</translation>
    </message>
    <message>
        <source>Create challenge</source>
        <translation>Crear desafío</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove from %1</source>
        <translation>Quitar de %1</translation>
    </message>
    <message>
        <source>New criterion</source>
        <translation>Nuevo criterio</translation>
    </message>
    <message>
        <source>Checkpoint date</source>
        <translation>Fecha del punto de control</translation>
    </message>
    <message>
        <source>Give the challenge a title.</source>
        <translation>Ponle un título al desafío.</translation>
    </message>
    <message>
        <source>Add at least one checkpoint with a date.</source>
        <translation>Agrega al menos un punto de control con fecha.</translation>
    </message>
</context>
<context>
    <name>ChallengesPage</name>
    <message>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Challenge</source>
        <translation>Desafío</translation>
    </message>
    <message>
        <source>&amp;New challenge…</source>
        <translation>&amp;Nuevo desafío…</translation>
    </message>
    <message>
        <source>&amp;Finish challenge</source>
        <translation>&amp;Terminar desafío</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Clase:</translation>
    </message>
    <message>
        <source>Challenge:</source>
        <translation>Desafío:</translation>
    </message>
    <message>
        <source>Driving question</source>
        <translation>Pregunta guía</translation>
    </message>
    <message>
        <source>double-click a cell to change it</source>
        <translation>haz doble clic en una celda para cambiarla</translation>
    </message>
    <message>
        <source>Challenge brief</source>
        <translation>Resumen del desafío</translation>
    </message>
    <message>
        <source>Challenge views</source>
        <translation>Vistas del desafío</translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation>&amp;Tablero</translation>
    </message>
    <message>
        <source>&amp;Teams</source>
        <translation>&amp;Equipos</translation>
    </message>
    <message>
        <source>B&amp;rief</source>
        <translation>&amp;Resumen</translation>
    </message>
    <message>
        <source>&amp;Assess</source>
        <translation>&amp;Evaluar</translation>
    </message>
    <message>
        <source>No challenges yet. Press &lt;b&gt;New challenge&lt;/b&gt; to start one from scratch or from a template.</source>
        <translation>Aún no hay desafíos. Presiona &lt;b&gt;Nuevo desafío&lt;/b&gt; para empezar uno desde cero o desde una plantilla.</translation>
    </message>
    <message>
        <source>Challenges</source>
        <translation>Desafíos</translation>
    </message>
    <message>
        <source>Team to assess</source>
        <translation>Equipo para evaluar</translation>
    </message>
    <message>
        <source>Assessment comment</source>
        <translation>Comentario de la evaluación</translation>
    </message>
    <message>
        <source>&amp;Save assessment</source>
        <translation>&amp;Guardar evaluación</translation>
    </message>
    <message>
        <source>Give skill &amp;levels from the rubric…</source>
        <translation>Dar &amp;niveles de habilidad desde la rúbrica…</translation>
    </message>
    <message>
        <source>Assessment message</source>
        <translation>Mensaje de la evaluación</translation>
    </message>
    <message>
        <source>Team:</source>
        <translation>Equipo:</translation>
    </message>
    <message>
        <source>Comment for the team:</source>
        <translation>Comentario para el equipo:</translation>
    </message>
    <message>
        <source>Teams saved.</source>
        <translation>Equipos guardados.</translation>
    </message>
    <message>
        <source>Finish challenge</source>
        <translation>Terminar desafío</translation>
    </message>
    <message>
        <source>Finish “%1”? Every team member gets a celebration, and teams can no longer change.</source>
        <translation>¿Terminar «%1»? Cada integrante de los equipos recibe una celebración y los equipos ya no pueden cambiar.</translation>
    </message>
    <message>
        <source>Finish challenge?</source>
        <translation>¿Terminar el desafío?</translation>
    </message>
    <message>
        <source>Level for %1</source>
        <translation>Nivel para %1</translation>
    </message>
    <message>
        <source>(not assessed)</source>
        <translation>(sin evaluar)</translation>
    </message>
    <message>
        <source>Assessment saved.</source>
        <translation>Evaluación guardada.</translation>
    </message>
    <message>
        <source>This team has no members to judge.</source>
        <translation>Este equipo no tiene integrantes para evaluar.</translation>
    </message>
    <message numerus="yes">
        <source>Skill levels given to %n student(s).</source>
        <translation>
            <numerusform>Niveles de habilidad dados a %n estudiante.</numerusform>
            <numerusform>Niveles de habilidad dados a %n estudiantes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckInPage</name>
    <message>
        <source>Check in</source>
        <translation>Registro de ánimo</translation>
    </message>
    <message>
        <source>Check-ins are switched off at your school.</source>
        <translation>Los registros de ánimo están desactivados en tu escuela.</translation>
    </message>
    <message>
        <source>Check-ins switched off</source>
        <translation>Registros de ánimo desactivados</translation>
    </message>
    <message>
        <source>One sentence (optional)</source>
        <translation>Una oración (opcional)</translation>
    </message>
    <message>
        <source>Anything you want to add? (optional)</source>
        <translation>¿Algo más que quieras contar? (opcional)</translation>
    </message>
    <message>
        <source>&amp;Check in</source>
        <translation>&amp;Registrar mi ánimo</translation>
    </message>
    <message>
        <source>Check-in status</source>
        <translation>Estado del registro de ánimo</translation>
    </message>
    <message>
        <source>&lt;b&gt;How are you feeling today?&lt;/b&gt;</source>
        <translation>&lt;b&gt;¿Cómo te sientes hoy?&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;How is your energy?&lt;/b&gt;</source>
        <translation>&lt;b&gt;¿Cómo está tu energía?&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Only you and your teachers see your check-ins.</source>
        <translation>Solo tú y tus docentes ven tus registros de ánimo.</translation>
    </message>
    <message>
        <source>My last two weeks</source>
        <translation>Mis últimas dos semanas</translation>
    </message>
    <message>
        <source>You checked in today at %1. You can check in again if things change.</source>
        <translation>Registraste tu ánimo hoy a las %1. Puedes registrarlo otra vez si algo cambia.</translation>
    </message>
    <message>
        <source>Choose how you feel and your energy first.</source>
        <translation>Primero elige cómo te sientes y cómo está tu energía.</translation>
    </message>
    <message>
        <source>Thanks! Checked in at %1.</source>
        <translation>¡Gracias! Registrado a las %1.</translation>
    </message>
</context>
<context>
    <name>ClassCheckInsPage</name>
    <message>
        <source>Check-ins</source>
        <translation>Registros de ánimo</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Clase:</translation>
    </message>
    <message>
        <source>Check-ins are switched off at this school.</source>
        <translation>Los registros de ánimo están desactivados en esta escuela.</translation>
    </message>
    <message>
        <source>Check-ins switched off</source>
        <translation>Registros de ánimo desactivados</translation>
    </message>
    <message>
        <source>Worth a quiet word</source>
        <translation>Vale la pena hablar en privado</translation>
    </message>
    <message>
        <source>Worth a quiet word (only you see this)</source>
        <translation>Vale la pena hablar en privado (solo tú lo ves)</translation>
    </message>
    <message>
        <source>Show the &amp;class trend</source>
        <translation>Mostrar la tendencia de la &amp;clase</translation>
    </message>
    <message>
        <source>Show the class trend</source>
        <translation>Mostrar la tendencia de la clase</translation>
    </message>
    <message>
        <source>Trend, last two weeks</source>
        <translation>Tendencia, últimas dos semanas</translation>
    </message>
    <message>
        <source>Students&apos; check-ins</source>
        <translation>Registros de ánimo de los estudiantes</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Estudiante</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Último</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Ánimo</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energía</translation>
    </message>
    <message>
        <source>Their words</source>
        <translation>Sus palabras</translation>
    </message>
    <message>
        <source>Check-ins message</source>
        <translation>Mensaje de los registros de ánimo</translation>
    </message>
    <message>
        <source>No patterns that need attention.</source>
        <translation>No hay patrones que requieran atención.</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>ninguno aún</translation>
    </message>
    <message>
        <source>The class</source>
        <translation>La clase</translation>
    </message>
</context>
<context>
    <name>ClassPinsDialog</name>
    <message>
        <source>Sign-in PINs for %1</source>
        <translation>PIN de inicio de sesión para %1</translation>
    </message>
    <message>
        <source>Sign-in PINs for the class</source>
        <translation>PIN de inicio de sesión de la clase</translation>
    </message>
    <message>
        <source>Students sign in on shared computers with their class, their name and a PIN. %1 of %2 students have no PIN yet. The PINs are shown once, here: print the sign-in cards before you close this.</source>
        <translation>En las computadoras compartidas, los estudiantes inician sesión con su clase, su nombre y un PIN. %1 de %2 estudiantes aún no tienen PIN. Los PIN se muestran una sola vez, aquí: imprime las tarjetas de inicio de sesión antes de cerrar esto.</translation>
    </message>
    <message>
        <source>&amp;Make a new PIN for each student</source>
        <translation>&amp;Crear un PIN nuevo para cada estudiante</translation>
    </message>
    <message>
        <source>A new PIN for each student</source>
        <translation>Un PIN nuevo para cada estudiante</translation>
    </message>
    <message>
        <source>Give every student the &amp;same PIN:</source>
        <translation>Dar a todos los estudiantes el &amp;mismo PIN:</translation>
    </message>
    <message>
        <source>The same PIN for every student</source>
        <translation>El mismo PIN para todos los estudiantes</translation>
    </message>
    <message>
        <source>PIN for every student</source>
        <translation>PIN para todos los estudiantes</translation>
    </message>
    <message>
        <source>4 to 6 digits</source>
        <translation>de 4 a 6 dígitos</translation>
    </message>
    <message>
        <source>&amp;Only students who have no PIN yet</source>
        <translation>&amp;Solo estudiantes que aún no tienen PIN</translation>
    </message>
    <message>
        <source>Only students without a PIN</source>
        <translation>Solo estudiantes sin PIN</translation>
    </message>
    <message>
        <source>Set &amp;PINs</source>
        <translation>Asignar &amp;PIN</translation>
    </message>
    <message>
        <source>Set PINs</source>
        <translation>Asignar los PIN</translation>
    </message>
    <message>
        <source>New PINs</source>
        <translation>PIN nuevos</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Estudiante</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN message</source>
        <translation>Mensaje de los PIN</translation>
    </message>
    <message>
        <source>P&amp;rint sign-in cards (PDF)…</source>
        <translation>&amp;Imprimir tarjetas de inicio de sesión (PDF)…</translation>
    </message>
    <message>
        <source>Print sign-in cards</source>
        <translation>Imprimir tarjetas de inicio de sesión</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Setting PINs</source>
        <translation>Asignando los PIN</translation>
    </message>
    <message numerus="yes">
        <source> %n student(s) kept the PIN they had.</source>
        <translation>
            <numerusform> %n estudiante conservó el PIN que tenía.</numerusform>
            <numerusform> %n estudiantes conservaron el PIN que tenían.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new PIN(s) set.</source>
        <translation>
            <numerusform>%n PIN nuevo asignado.</numerusform>
            <numerusform>%n PIN nuevos asignados.</numerusform>
        </translation>
    </message>
    <message>
        <source>Print the cards now: the PINs cannot be shown again.</source>
        <translation>Imprime las tarjetas ahora: los PIN no se pueden volver a mostrar.</translation>
    </message>
    <message>
        <source>Every student already has a PIN.</source>
        <translation>Todos los estudiantes ya tienen PIN.</translation>
    </message>
    <message>
        <source>Untick “Only students who have no PIN yet” to make new ones.</source>
        <translation>Desmarca «Solo estudiantes que aún no tienen PIN» para crear nuevos.</translation>
    </message>
    <message>
        <source>Save the sign-in cards</source>
        <translation>Guardar las tarjetas de inicio de sesión</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Making the sign-in cards</source>
        <translation>Preparando las tarjetas de inicio de sesión</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Guardado: %1</translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <source>Changes in this version</source>
        <translation>Cambios en esta versión</translation>
    </message>
</context>
<context>
    <name>DisplayDialog</name>
    <message>
        <source>Display</source>
        <translation>Pantalla</translation>
    </message>
    <message>
        <source>Display settings</source>
        <translation>Ajustes de pantalla</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Seguir al sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <source>Colour scheme</source>
        <translation>Esquema de colores</translation>
    </message>
    <message>
        <source>Text size in percent</source>
        <translation>Tamaño del texto en porcentaje</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Atkinson Hyperlegible (easy to read)</source>
        <translation>Atkinson Hyperlegible (fácil de leer)</translation>
    </message>
    <message>
        <source>OpenDyslexic</source>
        <translation>OpenDyslexic (para dislexia)</translation>
    </message>
    <message>
        <source>The system&apos;s font</source>
        <translation>La fuente del sistema</translation>
    </message>
    <message>
        <source>Where the choice is kept</source>
        <translation>Dónde se guarda la elección</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>&amp;Colores:</translation>
    </message>
    <message>
        <source>&amp;Text size:</source>
        <translation>&amp;Tamaño del texto:</translation>
    </message>
    <message>
        <source>&amp;Font:</source>
        <translation>&amp;Fuente:</translation>
    </message>
    <message>
        <source>Kept for next time on this computer.</source>
        <translation>Se guarda para la próxima vez en esta computadora.</translation>
    </message>
    <message>
        <source>For this session only: on this computer the school decides.</source>
        <translation>Solo para esta sesión: en esta computadora decide la escuela.</translation>
    </message>
</context>
<context>
    <name>DraftResponse</name>
    <message>
        <source>Comment on the selected words</source>
        <translation>Comentario sobre las palabras seleccionadas</translation>
    </message>
    <message>
        <source>Select words in the writing, then write your comment…</source>
        <translation>Selecciona palabras en el texto y luego escribe tu comentario…</translation>
    </message>
    <message>
        <source>Select a passage in the writing to comment on it.</source>
        <translation>Selecciona un fragmento del texto para comentarlo.</translation>
    </message>
    <message>
        <source>Selected passage</source>
        <translation>Pasaje seleccionado</translation>
    </message>
    <message>
        <source>Overall feedback</source>
        <translation>Retroalimentación general</translation>
    </message>
    <message>
        <source>Overall feedback for the student…</source>
        <translation>Comentario general para el estudiante…</translation>
    </message>
    <message>
        <source>Give levels on the writing skills this task&apos;s rubric asks for; the student sees where each level came from.</source>
        <translation>Da niveles en las habilidades de escritura que pide la rúbrica de esta tarea; el estudiante ve de dónde salió cada nivel.</translation>
    </message>
    <message>
        <source>Review message</source>
        <translation>Mensaje de la revisión</translation>
    </message>
    <message>
        <source>&lt;b&gt;Comment on a passage&lt;/b&gt;</source>
        <translation>&lt;b&gt;Comentar un fragmento&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Overall feedback&lt;/b&gt;</source>
        <translation>&lt;b&gt;Comentario general&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Respond</source>
        <translation>Responder</translation>
    </message>
    <message>
        <source>Only handed-in work can be handed back.</source>
        <translation>Solo se puede devolver un trabajo entregado.</translation>
    </message>
    <message numerus="yes">
        <source>Levels given on %n skill(s). The student sees where they came from.</source>
        <translation>
            <numerusform>Niveles dados en %n habilidad. El estudiante ve de dónde salieron.</numerusform>
            <numerusform>Niveles dados en %n habilidades. El estudiante ve de dónde salieron.</numerusform>
        </translation>
    </message>
    <message>
        <source>Selected: “%1”</source>
        <translation>Seleccionado: «%1»</translation>
    </message>
    <message>
        <source>Comment added.</source>
        <translation>Comentario agregado.</translation>
    </message>
    <message>
        <source>Handed back to %1.</source>
        <translation>Devuelto a %1.</translation>
    </message>
</context>
<context>
    <name>DraftSaving</name>
    <message>
        <source>Not saved yet: your latest changes save by themselves in a moment.</source>
        <translation>Aún sin guardar: tus últimos cambios se guardan solos en un momento.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Your text is kept on this computer: open the task again to carry on.</source>
        <translation>Tu texto se conserva en esta computadora: abre la tarea otra vez para seguir.</translation>
    </message>
    <message>
        <source>Saved %1 · version %2</source>
        <translation>Guardado %1 · versión %2</translation>
    </message>
</context>
<context>
    <name>DraftTable</name>
    <message>
        <source>Drafts</source>
        <translation>Borradores</translation>
    </message>
</context>
<context>
    <name>EditorJournal</name>
    <message>
        <source>Tessera closed before it could save what you typed on %1. It kept the text on this computer: put it back in your draft?</source>
        <translation>Tessera se cerró antes de poder guardar lo que escribiste el %1. Guardó el texto en esta computadora: ¿lo devolvemos a tu borrador?</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>Attach evidence</source>
        <translation>Adjuntar evidencia</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencia</translation>
    </message>
    <message>
        <source>A note about what I did</source>
        <translation>Una nota sobre lo que hice</translation>
    </message>
    <message>
        <source>What it shows</source>
        <translation>Lo que muestra</translation>
    </message>
    <message>
        <source>What does it show?</source>
        <translation>¿Qué muestra?</translation>
    </message>
    <message>
        <source>&amp;Evidence:</source>
        <translation>&amp;Evidencia:</translation>
    </message>
    <message>
        <source>&amp;What it shows:</source>
        <translation>&amp;Qué muestra:</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Getting the dictionary ready…</source>
        <translation>Preparando el diccionario…</translation>
    </message>
    <message>
        <source>The writing checks read English only for now: their suggestions are in English.</source>
        <translation>Por ahora, las revisiones de escritura solo leen inglés: sus sugerencias están en inglés.</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Sugerencias</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Palabras</translation>
    </message>
    <message>
        <source>Sentences</source>
        <translation>Oraciones</translation>
    </message>
    <message>
        <source>Words per sentence</source>
        <translation>Palabras por oración</translation>
    </message>
    <message>
        <source>Reading ease</source>
        <translation>Facilidad de lectura</translation>
    </message>
    <message>
        <source>School grade level</source>
        <translation>Nivel de grado escolar</translation>
    </message>
    <message>
        <source>&lt;b&gt;Checklist&lt;/b&gt;</source>
        <translation>&lt;b&gt;Lista de control&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Readability&lt;/b&gt;</source>
        <translation>&lt;b&gt;Legibilidad&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Lista de control</translation>
    </message>
    <message>
        <source>Writing feedback</source>
        <translation>Retroalimentación de la escritura</translation>
    </message>
    <message>
        <source>Checking status</source>
        <translation>Estado de la revisión</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explicación</translation>
    </message>
    <message>
        <source>Suggestion %1</source>
        <translation>Sugerencia %1</translation>
    </message>
    <message>
        <source>Teacher comments</source>
        <translation>Comentarios del docente</translation>
    </message>
    <message>
        <source>No comments yet.</source>
        <translation>Aún no hay comentarios.</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Comentarios</translation>
    </message>
    <message>
        <source>Suggestions (%1)</source>
        <translation>Sugerencias (%1)</translation>
    </message>
    <message>
        <source>This is very long: only the first part was checked.</source>
        <translation>Esto es muy largo: solo se revisó la primera parte.</translation>
    </message>
    <message>
        <source>Nothing to suggest right now.</source>
        <translation>Nada que sugerir por ahora.</translation>
    </message>
    <message>
        <source> (since changed)</source>
        <translation> (cambiado después)</translation>
    </message>
    <message>
        <source>Comments on your writing. Pick one to see its passage.</source>
        <translation>Comentarios sobre tu escritura. Elige uno para ver su fragmento.</translation>
    </message>
    <message>
        <source>Comments (%1)</source>
        <translation>Comentarios (%1)</translation>
    </message>
    <message>
        <source>Use “%1”</source>
        <translation>Usar «%1»</translation>
    </message>
    <message>
        <source>Remove it</source>
        <translation>Quitarlo</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>Usar %1</translation>
    </message>
    <message>
        <source>Your teacher set no checklist for this task.</source>
        <translation>Tu docente no puso una lista de control para esta tarea.</translation>
    </message>
    <message>
        <source>Checklist %1/%2</source>
        <translation>Lista de control %1/%2</translation>
    </message>
</context>
<context>
    <name>FirstPasswordDialog</name>
    <message>
        <source>Choose your password</source>
        <translation>Elige tu contraseña</translation>
    </message>
    <message>
        <source>Welcome, {0}! Your school added you to Tessera. Choose a password of at least 8 characters; you will use it every time you sign in.</source>
        <translation>¡Hola, {0}! Tu escuela te agregó a Tessera. Elige una contraseña de al menos 8 caracteres; la usarás cada vez que inicies sesión.</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Repite la contraseña nueva</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Otra vez</translation>
    </message>
    <message>
        <source>Set password and sign in</source>
        <translation>Guardar contraseña e iniciar sesión</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Please choose a password of at least 8 characters.</source>
        <translation>Elige una contraseña de al menos 8 caracteres.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Las dos contraseñas no son iguales.</translation>
    </message>
</context>
<context>
    <name>FrameworkPage</name>
    <message>
        <source>Our framework</source>
        <translation>Nuestro marco</translation>
    </message>
    <message>
        <source>Domain or skill</source>
        <translation>Dominio o habilidad</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>&amp;Save the skill</source>
        <translation>&amp;Guardar la habilidad</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Descriptor</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Framework version</source>
        <translation>Versión del marco</translation>
    </message>
    <message>
        <source>Domains and skills</source>
        <translation>Dominios y habilidades</translation>
    </message>
    <message>
        <source>Skill name</source>
        <translation>Nombre de la habilidad</translation>
    </message>
    <message>
        <source>Prerequisites (ids, separated by commas)</source>
        <translation>Requisitos previos (ids separados por comas)</translation>
    </message>
    <message>
        <source>Prerequisites</source>
        <translation>Requisitos previos</translation>
    </message>
    <message>
        <source>New skill id</source>
        <translation>Id de la habilidad nueva</translation>
    </message>
    <message>
        <source>new skill id</source>
        <translation>id de la habilidad nueva</translation>
    </message>
    <message>
        <source>&amp;Add a skill here</source>
        <translation>&amp;Agregar una habilidad aquí</translation>
    </message>
    <message>
        <source>S&amp;plit in two</source>
        <translation>&amp;Dividir en dos</translation>
    </message>
    <message>
        <source>&amp;Retire</source>
        <translation>&amp;Retirar</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>Skill</source>
        <translation>Habilidad</translation>
    </message>
    <message>
        <source>P&amp;ublish as the next version</source>
        <translation>&amp;Publicar como la próxima versión</translation>
    </message>
    <message>
        <source>A&amp;dopt this domain</source>
        <translation>A&amp;doptar este dominio</translation>
    </message>
    <message>
        <source>Start from &amp;Tessera&apos;s framework</source>
        <translation>Empezar desde el marco de &amp;Tessera</translation>
    </message>
    <message>
        <source>Framework message</source>
        <translation>Mensaje del marco</translation>
    </message>
    <message>
        <source>No framework published yet: start from Tessera&apos;s, or import a district&apos;s (CASE).</source>
        <translation>Aún no hay un marco publicado: empieza desde el de Tessera o importa el de un distrito (CASE).</translation>
    </message>
    <message>
        <source>Version %1 (%2). Edits below make version %3 when published.</source>
        <translation>Versión %1 (%2). Los cambios de abajo forman la versión %3 al publicarse.</translation>
    </message>
    <message>
        <source>Not published yet: %1</source>
        <translation>Aún sin publicar: %1</translation>
    </message>
    <message>
        <source>New skill</source>
        <translation>Habilidad nueva</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>Deshecho: %1</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versión %1</translation>
    </message>
    <message>
        <source>Version %1 published. Adopt it domain by domain when the school is ready.</source>
        <translation>Versión %1 publicada. Adóptala dominio por dominio cuando la escuela esté lista.</translation>
    </message>
    <message>
        <source>Adopted version %1 for this domain.</source>
        <translation>Versión %1 adoptada para este dominio.</translation>
    </message>
</context>
<context>
    <name>GoalDetail</name>
    <message>
        <source>Goal</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>About the goal</source>
        <translation>Acerca de la meta</translation>
    </message>
    <message>
        <source>Goal progress</source>
        <translation>Progreso de la meta</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>Ritmo</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>Hitos</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencia</translation>
    </message>
    <message>
        <source>Evidence of progress</source>
        <translation>Evidencias de progreso</translation>
    </message>
    <message>
        <source>Attach &amp;evidence…</source>
        <translation>Adjuntar &amp;evidencia…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Mark goal as &amp;met</source>
        <translation>Marcar la meta como &amp;cumplida</translation>
    </message>
    <message>
        <source>&amp;Judge from this evidence…</source>
        <translation>&amp;Evaluar a partir de esta evidencia…</translation>
    </message>
    <message>
        <source>Self-assessment</source>
        <translation>Autoevaluación</translation>
    </message>
    <message>
        <source>Level %1 %2</source>
        <translation>Nivel %1 %2</translation>
    </message>
    <message>
        <source>What the level means</source>
        <translation>Qué significa el nivel</translation>
    </message>
    <message>
        <source>My reflection</source>
        <translation>Mi reflexión</translation>
    </message>
    <message>
        <source>How do you know? What helped, what is still hard?</source>
        <translation>¿Cómo lo sabes? ¿Qué te ayudó y qué todavía te cuesta?</translation>
    </message>
    <message>
        <source>&amp;Save my assessment</source>
        <translation>&amp;Guardar mi autoevaluación</translation>
    </message>
    <message>
        <source>Teacher feedback</source>
        <translation>Comentarios del docente</translation>
    </message>
    <message>
        <source>Save &amp;feedback</source>
        <translation>Guardar &amp;comentarios</translation>
    </message>
    <message>
        <source>Goal status message</source>
        <translation>Mensaje del estado de la meta</translation>
    </message>
    <message>
        <source>Choose a goal to see it in full.</source>
        <translation>Elige una meta para verla completa.</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>para el %1</translation>
    </message>
    <message>
        <source>%1 min a week</source>
        <translation>%1 min por semana</translation>
    </message>
    <message>
        <source>no particular skill</source>
        <translation>ninguna habilidad en particular</translation>
    </message>
    <message>
        <source>No evidence yet: practise, or attach your work.</source>
        <translation>Aún no hay evidencias: practica o adjunta tu trabajo.</translation>
    </message>
    <message>
        <source>Not assessed yet.</source>
        <translation>Aún sin evaluar.</translation>
    </message>
    <message>
        <source>No feedback yet.</source>
        <translation>Aún no hay comentarios.</translation>
    </message>
    <message>
        <source>Progress is shown, not claimed: master the skills, or finish the milestones and attach evidence.</source>
        <translation>El progreso se demuestra, no se declara: domina las habilidades o termina los hitos y adjunta evidencias.</translation>
    </message>
    <message>
        <source>Goal met: well done!</source>
        <translation>Meta cumplida: ¡bien hecho!</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>Al día</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>Atrasado</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>Milestone saved.</source>
        <translation>Hito guardado.</translation>
    </message>
    <message>
        <source>Your assessment is saved.</source>
        <translation>Tu autoevaluación está guardada.</translation>
    </message>
    <message>
        <source>Feedback saved.</source>
        <translation>Comentarios guardados.</translation>
    </message>
    <message>
        <source>Evidence attached.</source>
        <translation>Evidencia adjuntada.</translation>
    </message>
    <message>
        <source>Only evidence you attached can be removed.</source>
        <translation>Solo se pueden quitar las evidencias que adjuntaste tú.</translation>
    </message>
    <message>
        <source>Evidence removed.</source>
        <translation>Evidencia quitada.</translation>
    </message>
    <message>
        <source>Pick evidence the student attached, then judge from it.</source>
        <translation>Elige una evidencia que adjuntó el estudiante y evalúa a partir de ella.</translation>
    </message>
    <message>
        <source>Levels given from this evidence.</source>
        <translation>Niveles dados a partir de esta evidencia.</translation>
    </message>
</context>
<context>
    <name>GoalsPage</name>
    <message>
        <source>Choose your goals</source>
        <translation>Elige tus metas</translation>
    </message>
    <message>
        <source>Tick up to %1 goals. Tessera suggests skills you are ready for and ideas from your interests; you can also write your own.</source>
        <translation>Marca hasta %1 metas. Tessera te sugiere habilidades para las que estás listo e ideas a partir de tus intereses; también puedes escribir las tuyas.</translation>
    </message>
    <message>
        <source>Goal choices</source>
        <translation>Opciones de metas</translation>
    </message>
    <message>
        <source>in your plan now</source>
        <translation>ya está en tu plan</translation>
    </message>
    <message>
        <source>from your interests</source>
        <translation>a partir de tus intereses</translation>
    </message>
    <message>
        <source>one of your peaks: make it a mastery</source>
        <translation>uno de tus puntos fuertes: llega a dominarlo</translation>
    </message>
    <message>
        <source>ready for next</source>
        <translation>lista para seguir</translation>
    </message>
    <message>
        <source>Goals chosen</source>
        <translation>Metas elegidas</translation>
    </message>
    <message>
        <source>My own goal</source>
        <translation>Mi propia meta</translation>
    </message>
    <message>
        <source>My own goal, in my words</source>
        <translation>Mi propia meta, con mis palabras</translation>
    </message>
    <message>
        <source>Skill for my own goal</source>
        <translation>Habilidad para mi propia meta</translation>
    </message>
    <message>
        <source>(no particular skill)</source>
        <translation>(ninguna habilidad en particular)</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Agregar</translation>
    </message>
    <message>
        <source>Add my own goal</source>
        <translation>Agregar mi propia meta</translation>
    </message>
    <message>
        <source>My own goal.</source>
        <translation>Mi propia meta.</translation>
    </message>
    <message>
        <source>my own</source>
        <translation>mía</translation>
    </message>
    <message>
        <source>%1 chosen (1 to %2).</source>
        <translation>%1 elegidas (de 1 a %2).</translation>
    </message>
</context>
<context>
    <name>HandingIn</name>
    <message>
        <source>Write something before you hand it in.</source>
        <translation>Escribe algo antes de entregarlo.</translation>
    </message>
    <message>
        <source>Hand in</source>
        <translation>Entregar</translation>
    </message>
    <message>
        <source>Confirm hand in</source>
        <translation>Confirmar la entrega</translation>
    </message>
    <message>
        <source>Hand in “%1” now? You cannot change it until your teacher hands it back.</source>
        <translation>¿Entregar «%1» ahora? No podrás cambiarlo hasta que tu docente te lo devuelva.</translation>
    </message>
    <message>
        <source>Hand in “%1” anyway? You cannot change it until your teacher hands it back.</source>
        <translation>¿Entregar «%1» de todos modos? No podrás cambiarlo hasta que tu docente te lo devuelva.</translation>
    </message>
    <message>
        <source>Handing in…</source>
        <translation>Entregando…</translation>
    </message>
</context>
<context>
    <name>HeatmapModel</name>
    <message>
        <source>Student</source>
        <translation>Estudiante</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Promedio</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n pregunta</numerusform>
            <numerusform>%n preguntas</numerusform>
        </translation>
    </message>
    <message>
        <source>no questions yet</source>
        <translation>aún no hay preguntas</translation>
    </message>
    <message>
        <source>%1: average %2</source>
        <translation>%1: promedio %2</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n respuesta</numerusform>
            <numerusform>%n respuestas</numerusform>
        </translation>
    </message>
    <message>
        <source>judged from work</source>
        <translation>evaluado a partir del trabajo</translation>
    </message>
</context>
<context>
    <name>HeatmapPage</name>
    <message>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Order of skills</source>
        <translation>Orden de las habilidades</translation>
    </message>
    <message>
        <source>Framework order</source>
        <translation>Orden del marco</translation>
    </message>
    <message>
        <source>Class weakest first</source>
        <translation>Primero lo más difícil para la clase</translation>
    </message>
    <message>
        <source>Class strongest first</source>
        <translation>Primero lo más fuerte de la clase</translation>
    </message>
    <message>
        <source>Add questions saved by a quiz or test tool in the QTI format (an .xml file or a .zip package) to one skill&apos;s practice.</source>
        <translation>Agrega a la práctica de una habilidad preguntas guardadas por una herramienta de cuestionarios o exámenes en formato QTI (un archivo .xml o un paquete .zip).</translation>
    </message>
    <message>
        <source>Work out every estimate again from all the answers (exact).</source>
        <translation>Volver a calcular cada estimación a partir de todas las respuestas (exacto).</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Clase:</translation>
    </message>
    <message>
        <source>Skills:</source>
        <translation>Habilidades:</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Clave:</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>Clave: %1</translation>
    </message>
    <message>
        <source>Skills summary</source>
        <translation>Resumen de habilidades</translation>
    </message>
    <message>
        <source>Skills status</source>
        <translation>Estado de las habilidades</translation>
    </message>
    <message>
        <source>Class heatmap: students by skills</source>
        <translation>Mapa de calor de la clase: estudiantes por habilidades</translation>
    </message>
    <message>
        <source>Click a cell (or select it and press Enter) to see that student&apos;s answers on the skill. Click a column heading, or press Ctrl+Shift+S on a cell, to sort students by it.</source>
        <translation>Haz clic en una celda (o selecciónala y presiona Enter) para ver las respuestas de ese estudiante en la habilidad. Haz clic en el encabezado de una columna, o presiona Ctrl+Mayús+S en una celda, para ordenar a los estudiantes por ella.</translation>
    </message>
    <message numerus="yes">
        <source>%n student(s)</source>
        <translation>
            <numerusform>%n estudiante</numerusform>
            <numerusform>%n estudiantes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skill(s)</source>
        <translation>
            <numerusform>%n habilidad</numerusform>
            <numerusform>%n habilidades</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 started</source>
        <translation>%1 empezadas</translation>
    </message>
    <message>
        <source>No students in this class yet. Add them on the &lt;a href=&apos;roster&apos;&gt;Class roster&lt;/a&gt; page: each one&apos;s skills fill in here as they practise.</source>
        <translation>Aún no hay estudiantes en esta clase. Agrégalos en la página &lt;a href=&apos;roster&apos;&gt;Lista de la clase&lt;/a&gt;: sus habilidades aparecen aquí a medida que practican.</translation>
    </message>
    <message>
        <source>No skills to show yet. They appear here once a student has started practising: Tessera adds the skills and their questions then.</source>
        <translation>Aún no hay habilidades para mostrar. Aparecen aquí cuando un estudiante empieza a practicar: entonces Tessera agrega las habilidades y sus preguntas.</translation>
    </message>
    <message>
        <source>Import questions from a file</source>
        <translation>Importar preguntas de un archivo</translation>
    </message>
    <message>
        <source>QTI question files (*.xml *.zip);;All files (*)</source>
        <translation>Archivos de preguntas QTI (*.xml *.zip);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n question(s) for %1.</source>
        <translation>
            <numerusform>Se importó %n pregunta para %1.</numerusform>
            <numerusform>Se importaron %n preguntas para %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n question(s) already in the bank.</source>
        <translation>
            <numerusform>Se omitió %n pregunta que ya estaba en el banco.</numerusform>
            <numerusform>Se omitieron %n preguntas que ya estaban en el banco.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import questions</source>
        <translation>Importar preguntas</translation>
    </message>
    <message>
        <source>Importing questions</source>
        <translation>Importando preguntas</translation>
    </message>
    <message>
        <source>Estimates recalculated from %1 answers in %2 s.</source>
        <translation>Estimaciones recalculadas a partir de %1 respuestas en %2 s.</translation>
    </message>
    <message>
        <source>Recalculating estimates</source>
        <translation>Recalculando las estimaciones</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Tessera help</source>
        <translation>Ayuda de Tessera</translation>
    </message>
    <message>
        <source>Guides</source>
        <translation>Guías</translation>
    </message>
    <message>
        <source>For students</source>
        <translation>Para estudiantes</translation>
    </message>
    <message>
        <source>For teachers</source>
        <translation>Para docentes</translation>
    </message>
    <message>
        <source>Guide %1</source>
        <translation>Guía %1</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Close help</source>
        <translation>Cerrar la ayuda</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Greeting</source>
        <translation>Saludo</translation>
    </message>
    <message>
        <source>Here is what could help most right now, with why. The first one is only a suggestion: choose whatever suits you.</source>
        <translation>Esto es lo que más te puede ayudar ahora, y por qué. La primera opción es solo una sugerencia: elige lo que mejor te funcione.</translation>
    </message>
    <message>
        <source>&amp;Start this</source>
        <translation>&amp;Empezar esto</translation>
    </message>
    <message>
        <source>Start this: the chosen activity</source>
        <translation>Empezar esto: la actividad elegida</translation>
    </message>
    <message>
        <source>About the chosen activity</source>
        <translation>Acerca de la actividad elegida</translation>
    </message>
    <message>
        <source>My goals</source>
        <translation>Mis metas</translation>
    </message>
    <message>
        <source>Recent wins</source>
        <translation>Logros recientes</translation>
    </message>
    <message>
        <source>Good morning</source>
        <translation>Buenos días</translation>
    </message>
    <message>
        <source>Good afternoon</source>
        <translation>Buenas tardes</translation>
    </message>
    <message>
        <source>Good evening</source>
        <translation>Buenas noches</translation>
    </message>
    <message>
        <source>Progress on %1</source>
        <translation>Progreso en %1</translation>
    </message>
    <message>
        <source>No goals yet: make your plan to choose some.</source>
        <translation>Aún no tienes metas: haz tu plan para elegir algunas.</translation>
    </message>
    <message>
        <source>on track</source>
        <translation>al día</translation>
    </message>
    <message>
        <source>a little behind</source>
        <translation>un poco atrasado</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminado</translation>
    </message>
    <message>
        <source>Nothing waiting: well done!</source>
        <translation>Nada pendiente: ¡bien hecho!</translation>
    </message>
    <message>
        <source>This opens once that screen is on this computer.</source>
        <translation>Esto se abre cuando esa pantalla esté en esta computadora.</translation>
    </message>
</context>
<context>
    <name>JaggedProfile</name>
    <message>
        <source>Strongest skills</source>
        <translation>Habilidades más fuertes</translation>
    </message>
    <message>
        <source>Jagged profile chart</source>
        <translation>Gráfico del perfil irregular</translation>
    </message>
    <message>
        <source>Mastery %</source>
        <translation>Dominio %</translation>
    </message>
    <message>
        <source>&lt;b&gt;Peaks:&lt;/b&gt; %1 · skills mastered: %2</source>
        <translation>&lt;b&gt;Puntos fuertes:&lt;/b&gt; %1 · habilidades dominadas: %2</translation>
    </message>
    <message numerus="yes">
        <source> (and %n mastered before, to practise again)</source>
        <translation>
            <numerusform> (y %n dominada antes, para practicar otra vez)</numerusform>
            <numerusform> (y %n dominadas antes, para practicar otra vez)</numerusform>
        </translation>
    </message>
    <message>
        <source>No practice yet: the profile fills in as they practise.</source>
        <translation>Aún no hay práctica: el perfil se completa a medida que practican.</translation>
    </message>
</context>
<context>
    <name>JournalOffer</name>
    <message>
        <source>Unsaved text found</source>
        <translation>Se encontró texto sin guardar</translation>
    </message>
    <message>
        <source>&amp;Put it back</source>
        <translation>&amp;Recuperarlo</translation>
    </message>
    <message>
        <source>Put the kept text back</source>
        <translation>Recuperar el texto guardado</translation>
    </message>
    <message>
        <source>&amp;Discard it</source>
        <translation>&amp;Descartarlo</translation>
    </message>
    <message>
        <source>Discard the kept text</source>
        <translation>Descartar el texto guardado</translation>
    </message>
</context>
<context>
    <name>JudgeDialog</name>
    <message>
        <source>Judge from work</source>
        <translation>Evaluar a partir del trabajo</translation>
    </message>
    <message>
        <source>Levels for %1, from their work</source>
        <translation>Niveles para %1, a partir de su trabajo</translation>
    </message>
    <message>
        <source>Each member of the team gets these levels: %1</source>
        <translation>Cada integrante del equipo recibe estos niveles: %1</translation>
    </message>
    <message>
        <source>The work it comes from</source>
        <translation>El trabajo del que viene</translation>
    </message>
    <message>
        <source>Note for the student</source>
        <translation>Nota para el estudiante</translation>
    </message>
    <message>
        <source>What in the work shows it (the student sees this)</source>
        <translation>Qué muestra el trabajo (el estudiante ve esto)</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;De:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Habilidades</translation>
    </message>
    <message>
        <source>What the work shows</source>
        <translation>Lo que muestra el trabajo</translation>
    </message>
    <message>
        <source>Skill</source>
        <translation>Habilidad</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Skill for %1</source>
        <translation>Habilidad para %1</translation>
    </message>
    <message>
        <source>Level for %1</source>
        <translation>Nivel para %1</translation>
    </message>
    <message>
        <source>Not judged</source>
        <translation>Sin evaluar</translation>
    </message>
    <message>
        <source>This work names no skills to judge.</source>
        <translation>Este trabajo no menciona habilidades para evaluar.</translation>
    </message>
    <message>
        <source>Judging status</source>
        <translation>Estado de la evaluación</translation>
    </message>
    <message>
        <source>&amp;Save judgements</source>
        <translation>&amp;Guardar evaluaciones</translation>
    </message>
    <message>
        <source>Save judgements</source>
        <translation>Guardar evaluaciones</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Choose a level for at least one skill, or Cancel.</source>
        <translation>Elige un nivel para al menos una habilidad, o Cancelar.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Saved %1 of %2. Your choices are kept: Save judgements tries the rest again.</source>
        <translation>Guardadas %1 de %2. Tus elecciones se conservan: Guardar evaluaciones intenta guardar el resto.</translation>
    </message>
</context>
<context>
    <name>LanguageBox</name>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Language status</source>
        <translation>Estado del idioma</translation>
    </message>
    <message>
        <source>Set by your school for this computer.</source>
        <translation>Lo fijó tu escuela para esta computadora.</translation>
    </message>
    <message>
        <source>Could not save the choice: %1</source>
        <translation>No se pudo guardar la elección: %1</translation>
    </message>
    <message>
        <source>From the next start of Tessera.</source>
        <translation>Desde el próximo inicio de Tessera.</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>Tessera could not start: %1</source>
        <translation>Tessera no pudo iniciar: %1</translation>
    </message>
    <message>
        <source>You can go back to the copy of %1 or start with an empty class.</source>
        <translation>Puedes volver a la copia del %1 o empezar con una clase vacía.</translation>
    </message>
    <message>
        <source>There is no backup on this computer yet: you can start with an empty class.</source>
        <translation>Todavía no hay una copia de seguridad en esta computadora: puedes empezar con una clase vacía.</translation>
    </message>
    <message>
        <source>This computer syncs with a school folder: the class comes back at the next sync.</source>
        <translation>Esta computadora se sincroniza con una carpeta de la escuela: la clase vuelve en la próxima sincronización.</translation>
    </message>
    <message>
        <source>Tessera keeps the damaged file aside, so nothing is thrown away.</source>
        <translation>Tessera guarda aparte el archivo dañado, así que no se tira nada.</translation>
    </message>
    <message>
        <source>Restore last backup</source>
        <translation>Restaurar la última copia de seguridad</translation>
    </message>
    <message>
        <source>Start fresh</source>
        <translation>Empezar de cero</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Starting with an empty class; the damaged file is kept at %1.</source>
        <translation>Empezando con una clase vacía; el archivo dañado se guarda en %1.</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>School library</source>
        <translation>Biblioteca de la escuela</translation>
    </message>
    <message>
        <source>What colleagues shared: copy it into your class; the author keeps the credit.</source>
        <translation>Lo que compartieron tus colegas: cópialo en tu clase; el autor conserva el crédito.</translation>
    </message>
    <message>
        <source>Library items</source>
        <translation>Elementos de la biblioteca</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Shared by</source>
        <translation>Compartido por</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Copias</translation>
    </message>
    <message>
        <source>For me</source>
        <translation>Para mí</translation>
    </message>
    <message>
        <source>Library item details</source>
        <translation>Detalles del elemento de la biblioteca</translation>
    </message>
    <message>
        <source>Copy into class</source>
        <translation>Copiar en la clase</translation>
    </message>
    <message>
        <source>&amp;Copy into my class</source>
        <translation>&amp;Copiar en mi clase</translation>
    </message>
    <message>
        <source>Copy into my class</source>
        <translation>Copiar en mi clase</translation>
    </message>
    <message>
        <source>Take the &amp;update</source>
        <translation>Tomar la &amp;actualización</translation>
    </message>
    <message>
        <source>Take the update</source>
        <translation>Tomar la actualización</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Clase:</translation>
    </message>
    <message>
        <source>Share with colleagues</source>
        <translation>Compartir con colegas</translation>
    </message>
    <message>
        <source>What to share</source>
        <translation>Qué compartir</translation>
    </message>
    <message>
        <source>&amp;Share</source>
        <translation>&amp;Compartir</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Compartir</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Docente</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Compartido</translation>
    </message>
    <message>
        <source>Colleagues who adopted</source>
        <translation>Colegas que lo adoptaron</translation>
    </message>
    <message>
        <source>Teachers leading the way</source>
        <translation>Docentes que marcan el camino</translation>
    </message>
    <message>
        <source>Library message</source>
        <translation>Mensaje de la biblioteca</translation>
    </message>
    <message>
        <source> (you)</source>
        <translation> (tú)</translation>
    </message>
    <message>
        <source>Update offered</source>
        <translation>Actualización disponible</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
    <message>
        <source>Pick something from the library to see it.</source>
        <translation>Elige algo de la biblioteca para verlo.</translation>
    </message>
    <message>
        <source>Copied into your class.</source>
        <translation>Copiado en tu clase.</translation>
    </message>
    <message>
        <source>Your copy now has the author&apos;s improvements.</source>
        <translation>Tu copia ahora tiene las mejoras del autor.</translation>
    </message>
    <message>
        <source>Shared with your colleagues.</source>
        <translation>Compartido con tus colegas.</translation>
    </message>
</context>
<context>
    <name>LongParagraphNotice</name>
    <message>
        <source>Long paragraph</source>
        <translation>Párrafo largo</translation>
    </message>
    <message>
        <source>Spli&amp;t into paragraphs</source>
        <translation>&amp;Dividir en párrafos</translation>
    </message>
    <message>
        <source>Split into paragraphs</source>
        <translation>Dividir en párrafos</translation>
    </message>
    <message>
        <source>A paragraph here is %1 characters long, so typing in it is slow. Split it at sentence ends? Nothing is taken out, and Ctrl+Z puts it back.</source>
        <translation>Un párrafo aquí tiene %1 caracteres, así que escribir en él es lento. ¿Dividirlo al final de las oraciones? No se quita nada, y Ctrl+Z lo deshace.</translation>
    </message>
</context>
<context>
    <name>MachineBox</name>
    <message>
        <source>This computer</source>
        <translation>Esta computadora</translation>
    </message>
    <message>
        <source>Idle sign-out minutes</source>
        <translation>Minutos de inactividad antes de cerrar sesión</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Set idle sign-out</source>
        <translation>Fijar cierre de sesión por inactividad</translation>
    </message>
    <message>
        <source>Idle sign-out status</source>
        <translation>Estado del cierre de sesión por inactividad</translation>
    </message>
    <message>
        <source>Sign a quiet user out after</source>
        <translation>Cerrar la sesión de un usuario inactivo después de</translation>
    </message>
    <message>
        <source>Set by your school for this computer.</source>
        <translation>Lo fijó tu escuela para esta computadora.</translation>
    </message>
    <message>
        <source>A lab computer: only a teacher can change this, here.</source>
        <translation>Una computadora de laboratorio: solo un docente puede cambiar esto, aquí.</translation>
    </message>
    <message>
        <source>Saved: from the next sign-in, a quiet user is signed out after %1 minutes.</source>
        <translation>Guardado: desde el próximo inicio de sesión, se cierra la sesión de un usuario inactivo después de %1 minutos.</translation>
    </message>
</context>
<context>
    <name>MainArea</name>
    <message>
        <source>Signed in as &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Sesión iniciada como &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Sesión iniciada como</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Si&amp;gn out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navegación</translation>
    </message>
    <message>
        <source>%1 - Tessera</source>
        <translation>%1 — Tessera</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening your class…</source>
        <translation>Abriendo tu clase…</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Abriendo</translation>
    </message>
    <message>
        <source>Background work</source>
        <translation>Trabajo en segundo plano</translation>
    </message>
    <message>
        <source>Updating practice estimates after an update: %1 done. Practice opens when this finishes.</source>
        <translation>Actualizando las estimaciones de práctica tras una actualización: %1 hecho. La práctica se abre cuando esto termine.</translation>
    </message>
    <message>
        <source>Your school&apos;s class arrived through the sync folder. Sign in.</source>
        <translation>La clase de tu escuela llegó por la carpeta de sincronización. Inicia sesión.</translation>
    </message>
    <message>
        <source>You were signed out after a quiet while.</source>
        <translation>Se cerró tu sesión después de un rato sin actividad.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Something went wrong and Tessera could not finish that. Your saved work is safe. The details are in Tessera&apos;s log.</source>
        <translation>Algo salió mal y Tessera no pudo terminar eso. Tu trabajo guardado está a salvo. Los detalles están en el registro de Tessera.</translation>
    </message>
</context>
<context>
    <name>MilestonesPage</name>
    <message>
        <source>Milestones</source>
        <translation>Hitos</translation>
    </message>
    <message>
        <source>Small steps with dates, so you and your teacher can see you moving. Edit the suggestions: double-click a step to change it.</source>
        <translation>Pasos pequeños con fechas, para que tú y tu docente vean cómo avanzas. Edita las sugerencias: haz doble clic en un paso para cambiarlo.</translation>
    </message>
    <message>
        <source>Milestones for %1</source>
        <translation>Hitos de %1</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>Add a step</source>
        <translation>Agregar un paso</translation>
    </message>
    <message>
        <source>Add a milestone to %1</source>
        <translation>Agregar un hito a %1</translation>
    </message>
    <message>
        <source>New step</source>
        <translation>Paso nuevo</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>Quitar paso</translation>
    </message>
    <message>
        <source>Remove the chosen milestone of %1</source>
        <translation>Quitar el hito elegido de %1</translation>
    </message>
</context>
<context>
    <name>MyChallengePage</name>
    <message>
        <source>My challenge</source>
        <translation>Mi desafío</translation>
    </message>
    <message>
        <source>Challenge</source>
        <translation>Desafío</translation>
    </message>
    <message>
        <source>About the challenge</source>
        <translation>Acerca del desafío</translation>
    </message>
    <message>
        <source>You are not on a challenge team yet. Your teacher forms the teams.</source>
        <translation>Aún no estás en un equipo de desafío. Tu docente forma los equipos.</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>Punto de control</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Our status</source>
        <translation>Nuestro estado</translation>
    </message>
    <message>
        <source>Our checkpoints</source>
        <translation>Nuestros puntos de control</translation>
    </message>
    <message>
        <source>Challenge message</source>
        <translation>Mensaje del desafío</translation>
    </message>
    <message>
        <source>Teacher&apos;s assessment</source>
        <translation>Evaluación del docente</translation>
    </message>
    <message>
        <source>Our team log</source>
        <translation>Nuestra bitácora de equipo</translation>
    </message>
    <message>
        <source>Status of %1</source>
        <translation>Estado de %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
</context>
<context>
    <name>MyPlanPage</name>
    <message>
        <source>My plan</source>
        <translation>Mi plan</translation>
    </message>
    <message>
        <source>Plan title</source>
        <translation>Título del plan</translation>
    </message>
    <message>
        <source>Plan status</source>
        <translation>Estado del plan</translation>
    </message>
    <message>
        <source>&amp;Build my plan…</source>
        <translation>&amp;Armar mi plan…</translation>
    </message>
    <message>
        <source>Build or change my plan</source>
        <translation>Crear o cambiar mi plan</translation>
    </message>
    <message>
        <source>Send to my &amp;teacher</source>
        <translation>Enviar a mi &amp;docente</translation>
    </message>
    <message>
        <source>Send my plan to my teacher</source>
        <translation>Enviar mi plan a mi docente</translation>
    </message>
    <message>
        <source>Teacher&apos;s note</source>
        <translation>Nota del docente</translation>
    </message>
    <message>
        <source>You do not have a plan yet. Press &lt;b&gt;Build my plan&lt;/b&gt;: Tessera starts from your strengths and interests and suggests goals you are ready for.</source>
        <translation>Aún no tienes un plan. Presiona &lt;b&gt;Armar mi plan&lt;/b&gt;: Tessera parte de tus fortalezas e intereses y te sugiere metas para las que estás listo.</translation>
    </message>
    <message>
        <source>My goals</source>
        <translation>Mis metas</translation>
    </message>
    <message>
        <source>&amp;Change my plan…</source>
        <translation>&amp;Cambiar mi plan…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your teacher says:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Tu docente dice:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>on track</source>
        <translation>al día</translation>
    </message>
    <message>
        <source>behind</source>
        <translation>atrasado</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminado</translation>
    </message>
</context>
<context>
    <name>MySchoolPage</name>
    <message>
        <source>My class in the school</source>
        <translation>Mi clase en la escuela</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Clase:</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Indicador</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>My class</source>
        <translation>Mi clase</translation>
    </message>
    <message>
        <source>Our school&apos;s measures</source>
        <translation>Los indicadores de nuestra escuela</translation>
    </message>
    <message>
        <source>School-wide challenge</source>
        <translation>Desafío de toda la escuela</translation>
    </message>
    <message>
        <source>Teams across classes</source>
        <translation>Equipos entre clases</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>My students</source>
        <translation>Mis estudiantes</translation>
    </message>
    <message>
        <source>From other classes</source>
        <translation>De otras clases</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Clases</translation>
    </message>
    <message>
        <source>My students to put on the team</source>
        <translation>Mis estudiantes para poner en el equipo</translation>
    </message>
    <message>
        <source>New team name</source>
        <translation>Nombre del equipo nuevo</translation>
    </message>
    <message>
        <source>&amp;New team</source>
        <translation>&amp;Nuevo equipo</translation>
    </message>
    <message>
        <source>New team</source>
        <translation>Nuevo equipo</translation>
    </message>
    <message>
        <source>&amp;Put the chosen students on the team</source>
        <translation>&amp;Poner a los estudiantes elegidos en el equipo</translation>
    </message>
    <message>
        <source>Put the chosen students on the team</source>
        <translation>Poner a los estudiantes elegidos en el equipo</translation>
    </message>
    <message>
        <source>School-wide challenges: teams across classes</source>
        <translation>Desafíos de toda la escuela: equipos entre clases</translation>
    </message>
    <message>
        <source>School page message</source>
        <translation>Mensaje de la página de la escuela</translation>
    </message>
    <message>
        <source>Term %1: %2 students</source>
        <translation>Periodo %1: %2 estudiantes</translation>
    </message>
    <message>
        <source>(the school has not set measures for this term)</source>
        <translation>(la escuela no ha fijado indicadores para este periodo)</translation>
    </message>
    <message>
        <source>Team made.</source>
        <translation>Equipo creado.</translation>
    </message>
    <message>
        <source>Your students on the team are saved.</source>
        <translation>Se guardaron tus estudiantes en el equipo.</translation>
    </message>
</context>
<context>
    <name>NextStepList</name>
    <message>
        <source>What next</source>
        <translation>Qué sigue</translation>
    </message>
    <message>
        <source>Not on this computer yet.</source>
        <translation>Todavía no está en esta computadora.</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Notes on this student</source>
        <translation>Notas sobre este estudiante</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>Todavía no hay notas.</translation>
    </message>
    <message>
        <source>My note on this student</source>
        <translation>Mi nota sobre este estudiante</translation>
    </message>
    <message>
        <source>Who sees my note</source>
        <translation>Quién ve mi nota</translation>
    </message>
    <message>
        <source>Shared &amp;with:</source>
        <translation>&amp;Compartida con:</translation>
    </message>
    <message>
        <source>Save &amp;note</source>
        <translation>Guardar &amp;nota</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Guardar nota</translation>
    </message>
    <message>
        <source>&amp;Edit chosen note</source>
        <translation>&amp;Editar la nota elegida</translation>
    </message>
    <message>
        <source>Edit chosen note</source>
        <translation>Editar la nota elegida</translation>
    </message>
    <message>
        <source>&amp;Remove chosen note</source>
        <translation>&amp;Quitar la nota elegida</translation>
    </message>
    <message>
        <source>Remove chosen note</source>
        <translation>Quitar la nota elegida</translation>
    </message>
    <message>
        <source>Notes message</source>
        <translation>Mensaje de las notas</translation>
    </message>
    <message>
        <source>(you)</source>
        <translation>(tú)</translation>
    </message>
    <message>
        <source>private</source>
        <translation>privada</translation>
    </message>
    <message>
        <source>shared with: %1</source>
        <translation>compartida con: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Note saved.</source>
        <translation>Nota guardada.</translation>
    </message>
    <message>
        <source>Choose a note in the list first.</source>
        <translation>Primero elige una nota de la lista.</translation>
    </message>
    <message>
        <source>Note removed.</source>
        <translation>Nota quitada.</translation>
    </message>
</context>
<context>
    <name>Numbers</name>
    <message>
        <source>“%1” can be read two ways. Write fifteen hundred as 1500, and one and a half as 1,5.</source>
        <translation>«%1» se puede leer de dos maneras. Escribe mil quinientos como 1500 y uno y medio como 1,5.</translation>
    </message>
</context>
<context>
    <name>PacePage</name>
    <message>
        <source>Path and pace</source>
        <translation>Camino y ritmo</translation>
    </message>
    <message>
        <source>How will you work on each goal, and by when? Minutes a week are optional.</source>
        <translation>¿Cómo vas a trabajar en cada meta, y para cuándo? Los minutos por semana son opcionales.</translation>
    </message>
    <message>
        <source>Path for %1</source>
        <translation>Camino para %1</translation>
    </message>
    <message>
        <source>Target date for %1</source>
        <translation>Fecha meta para %1</translation>
    </message>
    <message>
        <source> min a week</source>
        <translation> min por semana</translation>
    </message>
    <message>
        <source>no weekly target</source>
        <translation>sin meta semanal</translation>
    </message>
    <message>
        <source>Minutes a week for %1</source>
        <translation>Minutos por semana para %1</translation>
    </message>
    <message>
        <source>Path:</source>
        <translation>Camino:</translation>
    </message>
    <message>
        <source>Target date:</source>
        <translation>Fecha meta:</translation>
    </message>
    <message>
        <source>Pace:</source>
        <translation>Ritmo:</translation>
    </message>
</context>
<context>
    <name>PlanWizard</name>
    <message>
        <source>My plan</source>
        <translation>Mi plan</translation>
    </message>
    <message>
        <source>Plan builder</source>
        <translation>Creador del plan</translation>
    </message>
</context>
<context>
    <name>PlansPage</name>
    <message>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Class summary</source>
        <translation>Resumen de la clase</translation>
    </message>
    <message>
        <source>Student &amp;report (PDF)…</source>
        <translation>&amp;Informe del estudiante (PDF)…</translation>
    </message>
    <message>
        <source>Class summary (&amp;CSV)…</source>
        <translation>Resumen de la clase (&amp;CSV)…</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Clase:</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <source>Plans of the class</source>
        <translation>Planes de la clase</translation>
    </message>
    <message>
        <source>Choose a student to see their plan.</source>
        <translation>Elige un estudiante para ver su plan.</translation>
    </message>
    <message>
        <source>Chosen student</source>
        <translation>Estudiante elegido</translation>
    </message>
    <message>
        <source>Plan note</source>
        <translation>Nota del plan</translation>
    </message>
    <message>
        <source>&amp;Approve plan</source>
        <translation>&amp;Aprobar plan</translation>
    </message>
    <message>
        <source>&amp;Suggest changes…</source>
        <translation>&amp;Sugerir cambios…</translation>
    </message>
    <message>
        <source>Goals of the chosen student</source>
        <translation>Metas del estudiante elegido</translation>
    </message>
    <message>
        <source>Pace of the chosen student</source>
        <translation>Ritmo del estudiante elegido</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Planes</translation>
    </message>
    <message>
        <source>No students in this class yet.</source>
        <translation>Aún no hay estudiantes en esta clase.</translation>
    </message>
    <message>
        <source>Add them on the Class roster page. Each one builds a plan from their Home or My plan page, and it shows here for you to approve.</source>
        <translation>Agrégalos en la página Lista de la clase. Cada uno arma un plan desde su página Inicio o Mi plan, y aparece aquí para que lo apruebes.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; on track · &lt;b&gt;%2&lt;/b&gt; behind · &lt;b&gt;%3&lt;/b&gt; done · &lt;b&gt;%4&lt;/b&gt; waiting for approval · &lt;b&gt;%5&lt;/b&gt; without a plan</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; al día · &lt;b&gt;%2&lt;/b&gt; atrasados · &lt;b&gt;%3&lt;/b&gt; terminados · &lt;b&gt;%4&lt;/b&gt; esperando aprobación · &lt;b&gt;%5&lt;/b&gt; sin plan</translation>
    </message>
    <message>
        <source>No plan yet. They can build one from their Home or My plan page.</source>
        <translation>Aún no tiene plan. Puede armarlo desde su página Inicio o Mi plan.</translation>
    </message>
    <message>
        <source>No goals in this plan yet.</source>
        <translation>Este plan aún no tiene metas.</translation>
    </message>
    <message>
        <source>Suggest changes</source>
        <translation>Sugerir cambios</translation>
    </message>
    <message>
        <source>What would you change? The student sees this note.</source>
        <translation>¿Qué cambiarías? El estudiante ve esta nota.</translation>
    </message>
    <message>
        <source>Next milestone</source>
        <translation>Próximo hito</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Guardar el informe</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Making the report</source>
        <translation>Preparando el informe</translation>
    </message>
    <message>
        <source>Save the class summary</source>
        <translation>Guardar el resumen de la clase</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Writing the class summary</source>
        <translation>Escribiendo el resumen de la clase</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Guardado: %1</translation>
    </message>
</context>
<context>
    <name>PracticePage</name>
    <message>
        <source>Practice</source>
        <translation>Práctica</translation>
    </message>
    <message>
        <source>Ten questions picked for you right now: not too easy, not too hard, with reviews of skills before they fade. Each one says why it was chosen.</source>
        <translation>Diez preguntas elegidas para ti ahora mismo: ni muy fáciles ni muy difíciles, con repasos de habilidades antes de que se olviden. Cada una dice por qué se eligió.</translation>
    </message>
    <message>
        <source>&amp;Start practice</source>
        <translation>&amp;Empezar la práctica</translation>
    </message>
    <message>
        <source>Start practice</source>
        <translation>Empezar la práctica</translation>
    </message>
    <message>
        <source>Practise &amp;everything instead</source>
        <translation>Practicar &amp;todo en su lugar</translation>
    </message>
    <message>
        <source>Practise every skill instead</source>
        <translation>Practicar todas las habilidades en su lugar</translation>
    </message>
    <message>
        <source>Session progress</source>
        <translation>Progreso de la sesión</translation>
    </message>
    <message>
        <source>&amp;Check (Enter)</source>
        <translation>&amp;Comprobar (Enter)</translation>
    </message>
    <message>
        <source>Check my answer</source>
        <translation>Revisar mi respuesta</translation>
    </message>
    <message>
        <source>&amp;Next question (Enter)</source>
        <translation>&amp;Siguiente pregunta (Enter)</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>Siguiente pregunta</translation>
    </message>
    <message>
        <source>Practise &amp;again (Enter)</source>
        <translation>Practicar &amp;otra vez (Enter)</translation>
    </message>
    <message>
        <source>Practise again</source>
        <translation>Practicar otra vez</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Listo</translation>
    </message>
    <message>
        <source>Done practising</source>
        <translation>Terminé de practicar</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> y %n más</numerusform>
            <numerusform> y %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Your target:&lt;/b&gt; about %1% right, so questions stretch you a little.</source>
        <translation>&lt;b&gt;Tu objetivo:&lt;/b&gt; acertar cerca del %1%, para que las preguntas te exijan un poco.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your focus:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Tu enfoque:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Due for review:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Para repasar:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Due for review:&lt;/b&gt; nothing yet: well remembered!</source>
        <translation>&lt;b&gt;Para repasar:&lt;/b&gt; nada todavía: ¡lo recuerdas bien!</translation>
    </message>
    <message>
        <source>&lt;b&gt;Due for review:&lt;/b&gt; nothing yet. Skills you practise come back here when it is time to review them.</source>
        <translation>&lt;b&gt;Para repasar:&lt;/b&gt; nada todavía. Las habilidades que practicas vuelven aquí cuando toca repasarlas.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Mastered:&lt;/b&gt; %n skill(s)</source>
        <translation>
            <numerusform>&lt;b&gt;Dominadas:&lt;/b&gt; %n habilidad</numerusform>
            <numerusform>&lt;b&gt;Dominadas:&lt;/b&gt; %n habilidades</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Mastered before, practise to keep:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Dominadas antes, practica para no olvidarlas:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Skills practised:&lt;/b&gt; %1 · &lt;b&gt;answers today:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;Habilidades practicadas:&lt;/b&gt; %1 · &lt;b&gt;respuestas de hoy:&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>Practising one skill from your plan.</source>
        <translation>Practicando una habilidad de tu plan.</translation>
    </message>
    <message>
        <source>Choosing your questions…</source>
        <translation>Eligiendo tus preguntas…</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>Pregunta %1 de %2</translation>
    </message>
    <message>
        <source>Choose one of the answers first.</source>
        <translation>Primero elige una de las respuestas.</translation>
    </message>
    <message>
        <source>Type an answer first, then press Enter.</source>
        <translation>Primero escribe una respuesta y luego presiona Enter.</translation>
    </message>
    <message>
        <source>How it works: </source>
        <translation>Cómo se hace: </translation>
    </message>
    <message>
        <source>Hint: </source>
        <translation>Pista: </translation>
    </message>
    <message>
        <source>%1: about %2% expected right</source>
        <translation>%1: se espera acertar cerca del %2%</translation>
    </message>
    <message>
        <source>%1: %2% → %3% expected right</source>
        <translation>%1: %2% → %3% de aciertos esperados</translation>
    </message>
    <message>
        <source>See my &amp;summary (Enter)</source>
        <translation>Ver mi &amp;resumen (Enter)</translation>
    </message>
    <message>
        <source>Session done: %1 of %2 right</source>
        <translation>Sesión terminada: %1 de %2 correctas</translation>
    </message>
    <message>
        <source>Skill</source>
        <translation>Habilidad</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Correctas</translation>
    </message>
    <message>
        <source>Expected right now</source>
        <translation>Aciertos esperados ahora</translation>
    </message>
    <message>
        <source>%1: %2% expected right, %3 this session</source>
        <translation>%1: %2% de aciertos esperados, %3 en esta sesión</translation>
    </message>
    <message>
        <source>mastered!</source>
        <translation>¡dominada!</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <source>separate with commas</source>
        <translation>separa con comas</translation>
    </message>
    <message>
        <source>Read aloud for this student</source>
        <translation>Leer en voz alta para este estudiante</translation>
    </message>
    <message>
        <source>Questions, instructions, feedback and their own writing can be read aloud to them.</source>
        <translation>Las preguntas, las instrucciones, la retroalimentación y su propia escritura se le pueden leer en voz alta.</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Leer en voz alta</translation>
    </message>
    <message>
        <source>Profile status</source>
        <translation>Estado del perfil</translation>
    </message>
    <message>
        <source>&amp;Save profile</source>
        <translation>&amp;Guardar perfil</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Guardar el perfil</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Tessera</source>
        <translation>Tessera</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>Read aloud</source>
        <translation>Leer en voz alta</translation>
    </message>
    <message>
        <source>&amp;Read aloud</source>
        <translation>&amp;Leer en voz alta</translation>
    </message>
    <message>
        <source>Reads it out and highlights each word. Shortcut: %1</source>
        <translation>Lo lee en voz alta y resalta cada palabra. Atajo: %1</translation>
    </message>
    <message>
        <source>Read aloud message</source>
        <translation>Mensaje de la lectura en voz alta</translation>
    </message>
    <message>
        <source>This computer has no speech voice installed, so nothing can be read aloud.</source>
        <translation>Esta computadora no tiene una voz instalada, así que no se puede leer nada en voz alta.</translation>
    </message>
    <message>
        <source>&amp;Stop reading</source>
        <translation>&amp;Dejar de leer</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>Dejar de leer</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Check and send</source>
        <translation>Revisar y enviar</translation>
    </message>
    <message>
        <source>This is your plan. You can change it later; your teacher will see it.</source>
        <translation>Este es tu plan. Puedes cambiarlo después; tu docente lo verá.</translation>
    </message>
    <message>
        <source>Plan summary</source>
        <translation>Resumen del plan</translation>
    </message>
    <message>
        <source>Send it to my teacher now</source>
        <translation>Enviarlo a mi docente ahora</translation>
    </message>
    <message>
        <source>Send to my teacher now</source>
        <translation>Enviar a mi docente ahora</translation>
    </message>
    <message>
        <source>%1 min a week</source>
        <translation>%1 min por semana</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>Archived</source>
        <translation>Archivado</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Search students</source>
        <translation>Buscar estudiantes</translation>
    </message>
    <message>
        <source>Search by name…  (Ctrl+F)</source>
        <translation>Buscar por nombre…  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Show archi&amp;ved</source>
        <translation>Mostrar archi&amp;vados</translation>
    </message>
    <message>
        <source>Show archived students</source>
        <translation>Mostrar estudiantes archivados</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Clase:</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>Estudiantes</translation>
    </message>
    <message>
        <source>Who needs attention</source>
        <translation>Quién necesita atención</translation>
    </message>
    <message>
        <source>Put a new student on this class&apos;s roster</source>
        <translation>Agregar un estudiante nuevo a la lista de esta clase</translation>
    </message>
    <message>
        <source>Hide a student who left; nothing is deleted, and Undo brings them back</source>
        <translation>Ocultar a un estudiante que se fue; no se borra nada, y Deshacer lo trae de vuelta</translation>
    </message>
    <message>
        <source>Set or make PINs for the whole class and print sign-in cards</source>
        <translation>Asignar o crear PIN para toda la clase e imprimir tarjetas de inicio de sesión</translation>
    </message>
    <message>
        <source>Undo message</source>
        <translation>Mensaje de deshacer</translation>
    </message>
    <message>
        <source>%1 stuck</source>
        <translation>%1 atascado</translation>
    </message>
    <message>
        <source>Needs attention: %1</source>
        <translation>Necesita atención: %1</translation>
    </message>
    <message>
        <source>Nobody is stuck, behind or waiting for feedback.</source>
        <translation>Nadie está atascado, atrasado ni esperando comentarios.</translation>
    </message>
    <message numerus="yes">
        <source>%n student(s)</source>
        <translation>
            <numerusform>%n estudiante</numerusform>
            <numerusform>%n estudiantes</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody is on this class&apos;s roster, archived or not. Press &lt;b&gt;Add student…&lt;/b&gt; to add someone.</source>
        <translation>No hay nadie en la lista de esta clase, ni archivado ni activo. Presiona &lt;b&gt;Agregar estudiante…&lt;/b&gt; para agregar a alguien.</translation>
    </message>
    <message>
        <source>No students in this class yet. Press &lt;b&gt;Add student…&lt;/b&gt; to add them one by one, then &lt;b&gt;Sign-in PINs…&lt;/b&gt; to give the whole class PINs and print sign-in cards.</source>
        <translation>Aún no hay estudiantes en esta clase. Presiona &lt;b&gt;Agregar estudiante…&lt;/b&gt; para agregarlos uno por uno y luego &lt;b&gt;PIN de inicio de sesión…&lt;/b&gt; para dar PIN a toda la clase e imprimir las tarjetas.</translation>
    </message>
    <message>
        <source>Added %1. They need a PIN to sign in: press Sign-in PINs….</source>
        <translation>Se agregó a %1. Necesita un PIN para iniciar sesión: presiona PIN de inicio de sesión….</translation>
    </message>
    <message>
        <source>%1 archived.</source>
        <translation>%1 archivado.</translation>
    </message>
    <message>
        <source>%1 is back on the roster.</source>
        <translation>%1 está otra vez en la lista.</translation>
    </message>
    <message>
        <source>What needs attention</source>
        <translation>Lo que necesita atención</translation>
    </message>
    <message>
        <source>Open the student&apos;s page</source>
        <translation>Abrir la página del estudiante</translation>
    </message>
</context>
<context>
    <name>RosterPreviewDialog</name>
    <message>
        <source>Import class list: preview</source>
        <translation>Importar lista de clase: vista previa</translation>
    </message>
    <message>
        <source>Import class list preview</source>
        <translation>Vista previa de la lista de clase a importar</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Classes to import</source>
        <translation>Clases a importar</translation>
    </message>
    <message>
        <source>Classes to bring in:</source>
        <translation>Clases para traer:</translation>
    </message>
    <message>
        <source>&amp;Update preview</source>
        <translation>&amp;Actualizar vista previa</translation>
    </message>
    <message>
        <source>Update preview</source>
        <translation>Actualizar vista previa</translation>
    </message>
    <message>
        <source>What the import does</source>
        <translation>Qué hace la importación</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>a full file (what is missing is archived)</source>
        <translation>un archivo completo (lo que falta se archiva)</translation>
    </message>
    <message>
        <source>changes only</source>
        <translation>solo cambios</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; is {1}, {2}.&lt;br&gt;Importing will create &lt;b&gt;{3}&lt;/b&gt;, update &lt;b&gt;{4}&lt;/b&gt; and archive &lt;b&gt;{5}&lt;/b&gt;; {6} already match. &lt;b&gt;{7}&lt;/b&gt; rows are refused (see Refused).</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; es {1}, {2}.&lt;br&gt;Al importar se crearán &lt;b&gt;{3}&lt;/b&gt;, se actualizarán &lt;b&gt;{4}&lt;/b&gt; y se archivarán &lt;b&gt;{5}&lt;/b&gt;; {6} ya coinciden. Se rechazan &lt;b&gt;{7}&lt;/b&gt; filas (ver Rechazadas).</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevos</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizados</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivados</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>Id in the file</source>
        <translation>Id en el archivo</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Rechazadas</translation>
    </message>
    <message>
        <source>Refused ({0})</source>
        <translation>Rechazadas ({0})</translation>
    </message>
    <message>
        <source>{0} rows</source>
        <translation>{0} filas</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Notes ({0})</source>
        <translation>Notas ({0})</translation>
    </message>
    <message>
        <source>Nothing to change: Tessera already matches this file.</source>
        <translation>Nada que cambiar: Tessera ya coincide con este archivo.</translation>
    </message>
</context>
<context>
    <name>ScalePicker</name>
    <message>
        <source>%1: %2 of 5, %3</source>
        <translation>%1: %2 de 5, %3</translation>
    </message>
</context>
<context>
    <name>SchoolOverviewPage</name>
    <message>
        <source>Our school</source>
        <translation>Nuestra escuela</translation>
    </message>
    <message>
        <source>School summary</source>
        <translation>Resumen de la escuela</translation>
    </message>
    <message>
        <source>Board &amp;CSV…</source>
        <translation>&amp;CSV para el consejo…</translation>
    </message>
    <message>
        <source>Save the board&apos;s CSV</source>
        <translation>Guardar el CSV para el consejo</translation>
    </message>
    <message>
        <source>Board &amp;PDF…</source>
        <translation>&amp;PDF para el consejo…</translation>
    </message>
    <message>
        <source>Save the board&apos;s PDF</source>
        <translation>Guardar el PDF para el consejo</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Indicador</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Escuela</translation>
    </message>
    <message>
        <source>Set &amp;target for this term</source>
        <translation>Fijar el &amp;objetivo de este periodo</translation>
    </message>
    <message>
        <source>Set target for this term</source>
        <translation>Fijar el objetivo de este periodo</translation>
    </message>
    <message>
        <source>Our measures this term</source>
        <translation>Nuestros indicadores de este periodo</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Clases</translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>Grados</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Practice minutes</source>
        <translation>Minutos de práctica</translation>
    </message>
    <message>
        <source>Skills mastered</source>
        <translation>Habilidades dominadas</translation>
    </message>
    <message>
        <source>Drafts returned</source>
        <translation>Borradores devueltos</translation>
    </message>
    <message>
        <source>School figures</source>
        <translation>Cifras de la escuela</translation>
    </message>
    <message>
        <source>By grade</source>
        <translation>Por grado</translation>
    </message>
    <message>
        <source>By class</source>
        <translation>Por clase</translation>
    </message>
    <message>
        <source>Across the year</source>
        <translation>A lo largo del año</translation>
    </message>
    <message>
        <source>School overview message</source>
        <translation>Mensaje del panorama de la escuela</translation>
    </message>
    <message>
        <source>Term %1 · %2 students in %3 classes</source>
        <translation>Periodo %1 · %2 estudiantes en %3 clases</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grado</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>Estudiantes</translation>
    </message>
    <message>
        <source>Plans approved</source>
        <translation>Planes aprobados</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>Al día</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>Atrasado</translation>
    </message>
    <message>
        <source>Practice min/week</source>
        <translation>Min de práctica/semana</translation>
    </message>
    <message>
        <source>Feedback days</source>
        <translation>Días de retroalimentación</translation>
    </message>
    <message>
        <source>Checkpoints done</source>
        <translation>Puntos de control hechos</translation>
    </message>
    <message>
        <source>Save for the board</source>
        <translation>Guardar para el consejo</translation>
    </message>
    <message>
        <source>School overview</source>
        <translation>Panorama de la escuela</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Guardado %1.</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <source>Welcome to Tessera</source>
        <translation>Bienvenido a Tessera</translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation>Mensaje de inicio de sesión</translation>
    </message>
    <message>
        <source>Your class</source>
        <translation>Tu clase</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Tu nombre</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Your PIN</source>
        <translation>Tu PIN</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Sign in as student</source>
        <translation>Iniciar sesión como estudiante</translation>
    </message>
    <message>
        <source>&amp;Class</source>
        <translation>&amp;Clase</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Sign in as teacher</source>
        <translation>Iniciar sesión como docente</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>Contra&amp;seña</translation>
    </message>
    <message>
        <source>Sign in as</source>
        <translation>Iniciar sesión como</translation>
    </message>
    <message>
        <source>I&apos;m a student</source>
        <translation>Soy estudiante</translation>
    </message>
    <message>
        <source>I&apos;m a teacher</source>
        <translation>Soy docente</translation>
    </message>
    <message>
        <source>Opening your class…</source>
        <translation>Abriendo tu clase…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>Pick your name first.</source>
        <translation>Primero elige tu nombre.</translation>
    </message>
</context>
<context>
    <name>SkillChoice</name>
    <message>
        <source>Import questions</source>
        <translation>Importar preguntas</translation>
    </message>
    <message>
        <source>Skill for the imported questions</source>
        <translation>Habilidad para las preguntas importadas</translation>
    </message>
    <message>
        <source>Questions from %1 practise which skill?</source>
        <translation>¿Qué habilidad practican las preguntas de %1?</translation>
    </message>
    <message>
        <source>&amp;Skill:</source>
        <translation>&amp;Habilidad:</translation>
    </message>
</context>
<context>
    <name>SkillDetailView</name>
    <message>
        <source>Student and skill</source>
        <translation>Estudiante y habilidad</translation>
    </message>
    <message>
        <source>Mastery level</source>
        <translation>Nivel de dominio</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>Answers so far</source>
        <translation>Respuestas hasta ahora</translation>
    </message>
    <message>
        <source>Where this level comes from</source>
        <translation>De dónde viene este nivel</translation>
    </message>
    <message>
        <source>&amp;Judge from work…</source>
        <translation>&amp;Evaluar a partir del trabajo…</translation>
    </message>
    <message>
        <source>Judge from work</source>
        <translation>Evaluar a partir del trabajo</translation>
    </message>
    <message>
        <source>Give a level on this skill from the student&apos;s essay, challenge work, plan evidence or what you saw in class.</source>
        <translation>Da un nivel en esta habilidad a partir del ensayo del estudiante, su trabajo en un desafío, la evidencia de su plan o lo que viste en clase.</translation>
    </message>
    <message>
        <source>&amp;Withdraw that judgement</source>
        <translation>&amp;Retirar esa evaluación</translation>
    </message>
    <message>
        <source>Withdraw the judgement</source>
        <translation>Retirar la evaluación</translation>
    </message>
    <message>
        <source>Given by mistake? The level goes back to the evidence before it; the judgement stays in the history.</source>
        <translation>¿Fue un error? El nivel vuelve a la evidencia anterior; la evaluación queda en el historial.</translation>
    </message>
    <message>
        <source>Recent answers</source>
        <translation>Respuestas recientes</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Their answer</source>
        <translation>Su respuesta</translation>
    </message>
    <message>
        <source>Right?</source>
        <translation>¿Correcta?</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tiempo</translation>
    </message>
    <message>
        <source>Recent answers on this skill</source>
        <translation>Respuestas recientes en esta habilidad</translation>
    </message>
    <message>
        <source>Target difficulty</source>
        <translation>Dificultad objetivo</translation>
    </message>
    <message>
        <source>Focus skills</source>
        <translation>Habilidades de enfoque</translation>
    </message>
    <message>
        <source>Tick up to five skills practice should favour (Space ticks).</source>
        <translation>Marca hasta cinco habilidades que la práctica debe preferir (Espacio las marca).</translation>
    </message>
    <message>
        <source>&amp;Save practice settings</source>
        <translation>&amp;Guardar ajustes de práctica</translation>
    </message>
    <message>
        <source>Save practice settings</source>
        <translation>Guardar los ajustes de práctica</translation>
    </message>
    <message>
        <source>Settings status</source>
        <translation>Estado de los ajustes</translation>
    </message>
    <message>
        <source>Practice settings for this student</source>
        <translation>Ajustes de práctica para este estudiante</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Objetivo:</translation>
    </message>
    <message>
        <source>&amp;Focus skills:</source>
        <translation>&amp;Habilidades de enfoque:</translation>
    </message>
    <message>
        <source>no estimate yet: it comes with their first answers on this skill</source>
        <translation>aún no hay estimación: llega con sus primeras respuestas en esta habilidad</translation>
    </message>
    <message>
        <source>review due now</source>
        <translation>repaso pendiente ahora</translation>
    </message>
    <message numerus="yes">
        <source>review due in %n day(s)</source>
        <translation>
            <numerusform>repaso en %n día</numerusform>
            <numerusform>repaso en %n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s), %1 right</source>
        <translation>
            <numerusform>%n respuesta, %1 correcta</numerusform>
            <numerusform>%n respuestas, %1 correctas</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no, %1</source>
        <translation>no, %1</translation>
    </message>
    <message>
        <source>From practice answers only: no teacher has judged this skill from work yet.</source>
        <translation>Solo a partir de respuestas de práctica: ningún docente ha evaluado todavía esta habilidad a partir de un trabajo.</translation>
    </message>
    <message>
        <source>No evidence yet: no answers and no judgement.</source>
        <translation>Aún no hay evidencias: ni respuestas ni evaluaciones.</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier judgement(s) on this skill.</source>
        <translation>
            <numerusform>%n evaluación anterior en esta habilidad.</numerusform>
            <numerusform>%n evaluaciones anteriores en esta habilidad.</numerusform>
        </translation>
    </message>
    <message>
        <source>This skill</source>
        <translation>Esta habilidad</translation>
    </message>
    <message>
        <source>Choose up to five focus skills.</source>
        <translation>Elige hasta cinco habilidades de enfoque.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Saved. The next practice session uses these settings.</source>
        <translation>Guardado. La próxima sesión de práctica usa estos ajustes.</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>The school&apos;s staff</source>
        <translation>El personal de la escuela</translation>
    </message>
    <message>
        <source>Class for a co-teacher</source>
        <translation>Clase para un co-docente</translation>
    </message>
    <message>
        <source>The class&apos;s teachers</source>
        <translation>Los docentes de la clase</translation>
    </message>
    <message>
        <source>Colleague to add as co-teacher</source>
        <translation>Colega para agregar como co-docente</translation>
    </message>
    <message>
        <source>Add as &amp;co-teacher</source>
        <translation>Agregar como &amp;co-docente</translation>
    </message>
    <message>
        <source>Add as co-teacher</source>
        <translation>Agregar como co-docente</translation>
    </message>
    <message>
        <source>Co-teachers</source>
        <translation>Co-docentes</translation>
    </message>
    <message>
        <source>Cla&amp;ss:</source>
        <translation>Cla&amp;se:</translation>
    </message>
    <message>
        <source>Its teachers:</source>
        <translation>Sus docentes:</translation>
    </message>
    <message>
        <source>Colleag&amp;ue:</source>
        <translation>Co&amp;lega:</translation>
    </message>
    <message>
        <source>Staff message</source>
        <translation>Mensaje del personal</translation>
    </message>
    <message>
        <source>Add a member of staff</source>
        <translation>Agregar a alguien del personal</translation>
    </message>
    <message>
        <source>Role of the new member of staff</source>
        <translation>Función de la nueva persona del personal</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Apellido</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>First password</source>
        <translation>Primera contraseña</translation>
    </message>
    <message>
        <source>Empty: they choose it at first sign-in</source>
        <translation>Vacía: la elige al entrar por primera vez</translation>
    </message>
    <message>
        <source>Add to the &amp;staff</source>
        <translation>Agregar al &amp;personal</translation>
    </message>
    <message>
        <source>Add to the staff</source>
        <translation>Agregar al personal</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Función:</translation>
    </message>
    <message>
        <source>G&amp;iven name:</source>
        <translation>Nom&amp;bre:</translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation>&amp;Apellido:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>First &amp;password:</source>
        <translation>Primera &amp;contraseña:</translation>
    </message>
    <message>
        <source>(you)</source>
        <translation>(tú)</translation>
    </message>
    <message>
        <source>%1 now co-teaches the class.</source>
        <translation>%1 ahora es co-docente de la clase.</translation>
    </message>
    <message>
        <source>%1 is on the staff; they sign in as %2.</source>
        <translation>%1 forma parte del personal; entra como %2.</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Start from you</source>
        <translation>Empieza por ti</translation>
    </message>
    <message>
        <source>A good plan starts from what you are good at, what you love and what matters to you.</source>
        <translation>Un buen plan parte de lo que haces bien, de lo que te encanta y de lo que te importa.</translation>
    </message>
    <message>
        <source>(not filled in yet: add it on My profile)</source>
        <translation>(aún sin completar: agrégalo en Mi perfil)</translation>
    </message>
    <message>
        <source>My strengths:</source>
        <translation>Mis fortalezas:</translation>
    </message>
    <message>
        <source>I love:</source>
        <translation>Me encanta:</translation>
    </message>
    <message>
        <source>What matters to me:</source>
        <translation>Lo que me importa:</translation>
    </message>
    <message>
        <source>My peaks in practice:</source>
        <translation>Mis puntos fuertes en la práctica:</translation>
    </message>
    <message>
        <source>Ready for next (the skills before them are strong):</source>
        <translation>Lista para seguir (las habilidades previas están firmes):</translation>
    </message>
    <message>
        <source>My plan</source>
        <translation>Mi plan</translation>
    </message>
    <message>
        <source>Plan title</source>
        <translation>Título del plan</translation>
    </message>
    <message>
        <source>&amp;Name your plan:</source>
        <translation>&amp;Ponle nombre a tu plan:</translation>
    </message>
</context>
<context>
    <name>StudentDialog</name>
    <message>
        <source>Edit student</source>
        <translation>Editar estudiante</translation>
    </message>
    <message>
        <source>Add a student</source>
        <translation>Agregar un estudiante</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apellido</translation>
    </message>
    <message>
        <source>Preferred name</source>
        <translation>Nombre preferido</translation>
    </message>
    <message>
        <source>&amp;First name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Last name</source>
        <translation>&amp;Apellido</translation>
    </message>
    <message>
        <source>&amp;Preferred name</source>
        <translation>Nombre &amp;preferido</translation>
    </message>
</context>
<context>
    <name>StudentView</name>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>Jagged profile</source>
        <translation>Perfil irregular</translation>
    </message>
    <message>
        <source>&lt;b&gt;Levels judged from work&lt;/b&gt;</source>
        <translation>&lt;b&gt;Niveles evaluados a partir del trabajo&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Where levels judged from work came from</source>
        <translation>De dónde vienen los niveles evaluados a partir del trabajo</translation>
    </message>
    <message>
        <source>Celebrations</source>
        <translation>Celebraciones</translation>
    </message>
    <message>
        <source>&amp;Celebrate a win…</source>
        <translation>&amp;Celebrar un logro…</translation>
    </message>
    <message>
        <source>Set sign-in &amp;PIN…</source>
        <translation>Asignar &amp;PIN de inicio de sesión…</translation>
    </message>
    <message>
        <source>Set sign-in PIN</source>
        <translation>Asignar el PIN de inicio de sesión</translation>
    </message>
    <message>
        <source>E&amp;xport data…</source>
        <translation>E&amp;xportar datos…</translation>
    </message>
    <message>
        <source>Export data of this student</source>
        <translation>Exportar los datos de este estudiante</translation>
    </message>
    <message>
        <source>Erase…</source>
        <translation>Borrar…</translation>
    </message>
    <message>
        <source>Erase this student&apos;s data</source>
        <translation>Borrar los datos de este estudiante</translation>
    </message>
    <message>
        <source>Sign-in locked: unlock</source>
        <translation>Inicio de sesión bloqueado: desbloquear</translation>
    </message>
    <message>
        <source>Unlock this student&apos;s sign-in</source>
        <translation>Desbloquear el inicio de sesión de este estudiante</translation>
    </message>
    <message>
        <source>%1 wrong PINs; unlocking lets them try again on every computer.</source>
        <translation>%1 PIN incorrectos; al desbloquear puede intentarlo otra vez en todas las computadoras.</translation>
    </message>
    <message>
        <source>%1 can sign in again (on other computers after they sync).</source>
        <translation>%1 puede volver a iniciar sesión (en otras computadoras, después de sincronizar).</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Celebrate a win</source>
        <translation>Celebrar un logro</translation>
    </message>
    <message>
        <source>Student name</source>
        <translation>Nombre del estudiante</translation>
    </message>
    <message>
        <source>What are you celebrating?</source>
        <translation>¿Qué estás celebrando?</translation>
    </message>
    <message>
        <source>Export to which folder?</source>
        <translation>¿Exportar a qué carpeta?</translation>
    </message>
    <message>
        <source>Exported %1 records to %2</source>
        <translation>Se exportaron %1 registros a %2</translation>
    </message>
    <message>
        <source>Erase a student&apos;s data</source>
        <translation>Borrar los datos de un estudiante</translation>
    </message>
    <message>
        <source>This removes all of %1&apos;s work from this computer and, at the next sync, from every other Tessera. It cannot be undone. Export first if the family asked for a copy.

Type the student&apos;s full name to confirm:</source>
        <translation>Esto elimina todo el trabajo de %1 de esta computadora y, en la próxima sincronización, de todas las demás computadoras con Tessera. No se puede deshacer. Exporta primero si la familia pidió una copia.

Escribe el nombre completo del estudiante para confirmar:</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>Asignar PIN</translation>
    </message>
    <message>
        <source>New PIN (4 to 6 digits):</source>
        <translation>PIN nuevo (de 4 a 6 dígitos):</translation>
    </message>
    <message>
        <source>New PIN set: %1 signs in with it from now on.</source>
        <translation>PIN nuevo asignado: %1 inicia sesión con él desde ahora.</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Sync: needs attention</source>
        <translation>Sincronización: requiere atención</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>Sincronizado %1</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>justo ahora</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>hace %1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>hace %1 h</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>hace %1 días</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <source>Sync folder</source>
        <translation>Carpeta de sincronización</translation>
    </message>
    <message>
        <source>&amp;Choose folder…</source>
        <translation>&amp;Elegir carpeta…</translation>
    </message>
    <message>
        <source>Choose folder to sync through</source>
        <translation>Elegir la carpeta por la que sincronizar</translation>
    </message>
    <message>
        <source>A folder on the school share or a USB stick that every computer can reach</source>
        <translation>Una carpeta en el servidor de archivos de la escuela o una memoria USB a la que todas las computadoras lleguen</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Sincronizar &amp;ahora</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Send and fetch changes now instead of waiting for the next automatic sync</source>
        <translation>Enviar y traer cambios ahora en lugar de esperar la próxima sincronización automática</translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation>Estado de la sincronización</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Progreso de la sincronización</translation>
    </message>
    <message>
        <source>Where this computer syncs</source>
        <translation>Dónde se sincroniza esta computadora</translation>
    </message>
    <message>
        <source>Replaced changes: when two computers changed the same thing, the later change won and the other is kept here</source>
        <translation>Cambios reemplazados: cuando dos computadoras cambiaron lo mismo, ganó el cambio más reciente y el otro se guarda aquí</translation>
    </message>
    <message>
        <source>Replaced changes</source>
        <translation>Cambios reemplazados</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Replaced value</source>
        <translation>Valor reemplazado</translation>
    </message>
    <message>
        <source>Value now</source>
        <translation>Valor actual</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>&amp;Restore the replaced value</source>
        <translation>&amp;Restaurar el valor reemplazado</translation>
    </message>
    <message>
        <source>Restore the replaced value</source>
        <translation>Restaurar el valor reemplazado</translation>
    </message>
    <message>
        <source>Put the selected replaced value back in place of the value now</source>
        <translation>Volver a poner el valor reemplazado seleccionado en lugar del valor actual</translation>
    </message>
    <message>
        <source>Nothing here: no two computers have changed the same thing.</source>
        <translation>Nada aquí: no hay dos computadoras que hayan cambiado lo mismo.</translation>
    </message>
    <message>
        <source>Sync is not running on this computer.</source>
        <translation>La sincronización no está funcionando en esta computadora.</translation>
    </message>
    <message>
        <source>No sync folder yet. Choose a folder on the school share or a USB stick.</source>
        <translation>Aún no hay carpeta de sincronización. Elige una carpeta en el servidor de la escuela o una memoria USB.</translation>
    </message>
    <message>
        <source>(set by your school)</source>
        <translation>(lo fijó tu escuela)</translation>
    </message>
    <message>
        <source>Sync is off: choose a folder to share work between computers.</source>
        <translation>La sincronización está apagada: elige una carpeta para compartir el trabajo entre computadoras.</translation>
    </message>
    <message>
        <source>Up to date.</source>
        <translation>Al día.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Sync has stopped.</source>
        <translation>La sincronización se detuvo.</translation>
    </message>
    <message>
        <source>No sync folder; this computer syncs with the school server (below).</source>
        <translation>Sin carpeta de sincronización; esta computadora se sincroniza con el servidor de la escuela (abajo).</translation>
    </message>
    <message numerus="yes">
        <source>Sent. Waiting for the other computers to pick up %n change(s).</source>
        <translation>
            <numerusform>Enviado. Esperando que las otras computadoras recojan %n cambio.</numerusform>
            <numerusform>Enviado. Esperando que las otras computadoras recojan %n cambios.</numerusform>
        </translation>
    </message>
    <message>
        <source>Last complete sync: %1.</source>
        <translation>Última sincronización completa: %1.</translation>
    </message>
    <message numerus="yes">
        <source>Not in the sync folder yet: %n change(s) made here.</source>
        <translation>
            <numerusform>Aún no está en la carpeta de sincronización: %n cambio hecho aquí.</numerusform>
            <numerusform>Aún no están en la carpeta de sincronización: %n cambios hechos aquí.</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything made here is in the sync folder.</source>
        <translation>Todo lo hecho aquí está en la carpeta de sincronización.</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(quitado)</translation>
    </message>
    <message>
        <source>Choose a sync folder first: a folder on the school share or a USB stick that every computer can reach. Then press Sync now.</source>
        <translation>Primero elige una carpeta de sincronización: una carpeta en el servidor de la escuela o una memoria USB a la que todas las computadoras lleguen. Luego presiona Sincronizar ahora.</translation>
    </message>
    <message>
        <source>Sync is not running on this computer. Close Tessera and open it again to start it.</source>
        <translation>La sincronización no está funcionando en esta computadora. Cierra Tessera y ábrelo otra vez para iniciarla.</translation>
    </message>
    <message>
        <source>Choose the sync folder</source>
        <translation>Elegir la carpeta de sincronización</translation>
    </message>
</context>
<context>
    <name>SyncTargets</name>
    <message>
        <source>How each place is doing</source>
        <translation>Cómo va cada lugar</translation>
    </message>
    <message>
        <source>This computer does not sync with any place yet.</source>
        <translation>Esta computadora todavía no se sincroniza con ningún lugar.</translation>
    </message>
    <message>
        <source>Cancel s&amp;ync</source>
        <translation>Cancelar la &amp;sincronización</translation>
    </message>
    <message>
        <source>Cancel sync</source>
        <translation>Cancelar la sincronización</translation>
    </message>
    <message>
        <source>Stop the sync under way at the next safe point; what arrived is kept</source>
        <translation>Detener la sincronización en curso en el próximo punto seguro; lo que ya llegó se conserva</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>TargetBox</name>
    <message>
        <source>Sync folder state</source>
        <translation>Estado de la carpeta de sincronización</translation>
    </message>
    <message>
        <source>School server state</source>
        <translation>Estado del servidor de la escuela</translation>
    </message>
    <message>
        <source>Sync folder progress</source>
        <translation>Progreso de la carpeta de sincronización</translation>
    </message>
    <message>
        <source>School server progress</source>
        <translation>Progreso del servidor de la escuela</translation>
    </message>
    <message>
        <source>Sync folder</source>
        <translation>Carpeta de sincronización</translation>
    </message>
    <message>
        <source>School server</source>
        <translation>Servidor de la escuela</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation>Recibiendo</translation>
    </message>
    <message>
        <source>%1: %2 of %3 batches</source>
        <translation>%1: %2 de %3 lotes</translation>
    </message>
    <message>
        <source>Up to date.</source>
        <translation>Al día.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Sync has stopped.</source>
        <translation>La sincronización se detuvo.</translation>
    </message>
    <message>
        <source>Not set up.</source>
        <translation>Sin configurar.</translation>
    </message>
    <message>
        <source>The last sync was cancelled; the rest follows at the next sync.</source>
        <translation>La última sincronización se canceló; el resto sigue en la próxima sincronización.</translation>
    </message>
    <message numerus="yes">
        <source>Sent; %n change(s) not yet confirmed by the other computers.</source>
        <translation>
            <numerusform>Enviado; %n cambio aún sin confirmar por las otras computadoras.</numerusform>
            <numerusform>Enviado; %n cambios aún sin confirmar por las otras computadoras.</numerusform>
        </translation>
    </message>
    <message>
        <source>Last complete sync: %1.</source>
        <translation>Última sincronización completa: %1.</translation>
    </message>
    <message>
        <source>No complete sync with this place yet.</source>
        <translation>Todavía no hay una sincronización completa con este lugar.</translation>
    </message>
    <message numerus="yes">
        <source>Waiting to be sent: %n change(s) made here.</source>
        <translation>
            <numerusform>Esperando envío: %n cambio hecho aquí.</numerusform>
            <numerusform>Esperando envío: %n cambios hechos aquí.</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything made here has reached this place.</source>
        <translation>Todo lo hecho aquí llegó a este lugar.</translation>
    </message>
    <message numerus="yes">
        <source>Attached files not arrived yet: %n.</source>
        <translation>
            <numerusform>Archivos adjuntos que aún no llegan: %n.</numerusform>
            <numerusform>Archivos adjuntos que aún no llegan: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refused at the last sync: %n (kept aside, never applied).</source>
        <translation>
            <numerusform>Rechazados en la última sincronización: %n (guardado aparte, nunca aplicado).</numerusform>
            <numerusform>Rechazados en la última sincronización: %n (guardados aparte, nunca aplicados).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Edit writing task</source>
        <translation>Editar tarea de escritura</translation>
    </message>
    <message>
        <source>New writing task</source>
        <translation>Nueva tarea de escritura</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Instructions for students</source>
        <translation>Instrucciones para los estudiantes</translation>
    </message>
    <message>
        <source>&amp;Due on</source>
        <translation>&amp;Fecha de entrega</translation>
    </message>
    <message>
        <source>Has a due date</source>
        <translation>Tiene fecha de entrega</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fecha de entrega</translation>
    </message>
    <message>
        <source>&amp;Spelling</source>
        <translation>&amp;Ortografía</translation>
    </message>
    <message>
        <source>&amp;Grammar</source>
        <translation>&amp;Gramática</translation>
    </message>
    <message>
        <source>St&amp;yle</source>
        <translation>&amp;Estilo</translation>
    </message>
    <message>
        <source>Check %1</source>
        <translation>Revisión %1</translation>
    </message>
    <message>
        <source>Topic words</source>
        <translation>Palabras del tema</translation>
    </message>
    <message>
        <source>magma, lava, tectonic plates</source>
        <translation>magma, lava, placas tectónicas</translation>
    </message>
    <message>
        <source>all</source>
        <translation>todas</translation>
    </message>
    <message>
        <source>States a &amp;claim or main idea at the start</source>
        <translation>Plantea una &amp;idea principal u opinión al inicio</translation>
    </message>
    <message>
        <source>Requires a claim</source>
        <translation>Requiere una tesis</translation>
    </message>
    <message>
        <source>Ends with a co&amp;nclusion</source>
        <translation>Termina con una co&amp;nclusión</translation>
    </message>
    <message>
        <source>Requires a conclusion</source>
        <translation>Requiere una conclusión</translation>
    </message>
    <message>
        <source>Checklist (students see it as they write; — means not asked)</source>
        <translation>Lista de control (los estudiantes la ven mientras escriben; — significa que no se pide)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>Words:</source>
        <translation>Palabras:</translation>
    </message>
    <message>
        <source>Paragraphs:</source>
        <translation>Párrafos:</translation>
    </message>
    <message>
        <source>&amp;Topic words:</source>
        <translation>Palabras del &amp;tema:</translation>
    </message>
    <message>
        <source>Use at least:</source>
        <translation>Usar al menos:</translation>
    </message>
    <message>
        <source>Different linking words:</source>
        <translation>Conectores distintos:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>&amp;Instructions:</source>
        <translation>&amp;Instrucciones:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Entrega:</translation>
    </message>
    <message>
        <source>Checks:</source>
        <translation>Revisiones:</translation>
    </message>
    <message>
        <source>Task message</source>
        <translation>Mensaje de la tarea</translation>
    </message>
    <message>
        <source>Give the writing task a title.</source>
        <translation>Ponle un título a la tarea de escritura.</translation>
    </message>
    <message>
        <source>That due date is more than a year ago.</source>
        <translation>Esa fecha de entrega es de hace más de un año.</translation>
    </message>
</context>
<context>
    <name>TaskList</name>
    <message>
        <source>Writing</source>
        <translation>Escritura</translation>
    </message>
    <message>
        <source>Your writing tasks. The checks help as you write; your teacher sees what you hand in.</source>
        <translation>Tus tareas de escritura. Las revisiones te ayudan mientras escribes; tu docente ve lo que entregas.</translation>
    </message>
    <message>
        <source>Writing tasks</source>
        <translation>Tareas de escritura</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>Open writing task</source>
        <translation>Abrir la tarea de escritura</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Entrega: %1</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>Sin fecha de entrega</translation>
    </message>
    <message>
        <source>Some of your writing is not saved yet: it is kept on this computer. Open the task to carry on; it saves as soon as it can.</source>
        <translation>Parte de tu escrito aún no está guardado: se conserva en esta computadora. Abre la tarea para seguir; se guarda en cuanto pueda.</translation>
    </message>
    <message>
        <source>Tessera closed before it saved some of your writing. It is kept on this computer: open the task to put it back.</source>
        <translation>Tessera se cerró antes de guardar parte de tu escrito. Se conserva en esta computadora: abre la tarea para recuperarlo.</translation>
    </message>
    <message>
        <source>No writing tasks yet.</source>
        <translation>Aún no hay tareas de escritura.</translation>
    </message>
</context>
<context>
    <name>TeamEditor</name>
    <message>
        <source>Number of teams</source>
        <translation>Número de equipos</translation>
    </message>
    <message>
        <source>S&amp;uggest teams</source>
        <translation>S&amp;ugerir equipos</translation>
    </message>
    <message>
        <source>Suggest teams</source>
        <translation>Sugerir equipos</translation>
    </message>
    <message>
        <source>Sa&amp;ve teams</source>
        <translation>Guar&amp;dar equipos</translation>
    </message>
    <message>
        <source>Save teams</source>
        <translation>Guardar los equipos</translation>
    </message>
    <message>
        <source>Teams:</source>
        <translation>Equipos:</translation>
    </message>
    <message>
        <source>Team of each student</source>
        <translation>Equipo de cada estudiante</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Estudiante</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Why these teams</source>
        <translation>Por qué estos equipos</translation>
    </message>
    <message>
        <source>Teams message</source>
        <translation>Mensaje de los equipos</translation>
    </message>
    <message>
        <source>Team %1</source>
        <translation>Equipo %1</translation>
    </message>
    <message>
        <source>Teams now</source>
        <translation>Equipos ahora</translation>
    </message>
    <message>
        <source>No teams yet. &lt;b&gt;Suggest teams&lt;/b&gt; balances complementary strengths and shared interests; or choose each student&apos;s team by hand.</source>
        <translation>Aún no hay equipos. &lt;b&gt;Sugerir equipos&lt;/b&gt; combina fortalezas complementarias e intereses compartidos; o elige a mano el equipo de cada estudiante.</translation>
    </message>
    <message>
        <source>A suggestion: change anything, then save.</source>
        <translation>Una sugerencia: cambia lo que quieras y luego guarda.</translation>
    </message>
    <message>
        <source>Team for %1</source>
        <translation>Equipo para %1</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>(sin equipo)</translation>
    </message>
</context>
<context>
    <name>TeamLogPanel</name>
    <message>
        <source>What did your team do? What did you learn?</source>
        <translation>¿Qué hizo tu equipo? ¿Qué aprendiste?</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Reflection</source>
        <translation>Reflexión</translation>
    </message>
    <message>
        <source>&amp;Post</source>
        <translation>&amp;Publicar</translation>
    </message>
    <message>
        <source>Attach a &amp;file…</source>
        <translation>Adjuntar un &amp;archivo…</translation>
    </message>
    <message>
        <source>PDF, PNG, JPG, TXT, DOCX or ODT, up to 20 MB</source>
        <translation>PDF, PNG, JPG, TXT, DOCX u ODT, hasta 20 MB</translation>
    </message>
    <message>
        <source>Nothing posted yet.</source>
        <translation>Aún no hay publicaciones.</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Adjuntar un archivo</translation>
    </message>
    <message>
        <source>Team log</source>
        <translation>Bitácora del equipo</translation>
    </message>
    <message>
        <source>Team log message</source>
        <translation>Mensaje de la bitácora del equipo</translation>
    </message>
    <message>
        <source>New post</source>
        <translation>Nueva publicación</translation>
    </message>
    <message>
        <source>Kind of post</source>
        <translation>Tipo de publicación</translation>
    </message>
    <message>
        <source>Post to the team log</source>
        <translation>Publicar en la bitácora del equipo</translation>
    </message>
    <message>
        <source>Work files (*.pdf *.png *.jpg *.jpeg *.txt *.docx *.odt)</source>
        <translation>Archivos de trabajo (*.pdf *.png *.jpg *.jpeg *.txt *.docx *.odt)</translation>
    </message>
    <message>
        <source>Checking and copying the file…</source>
        <translation>Revisando y copiando el archivo…</translation>
    </message>
    <message>
        <source>Attached %1.</source>
        <translation>Se adjuntó %1.</translation>
    </message>
    <message>
        <source>Posted.</source>
        <translation>Publicado.</translation>
    </message>
</context>
<context>
    <name>Tessera</name>
    <message>
        <source>Says enough about the topic</source>
        <translation>Dice lo suficiente sobre el tema</translation>
    </message>
    <message>
        <source>Uses the topic&apos;s words</source>
        <translation>Usa las palabras del tema</translation>
    </message>
    <message>
        <source>Organises ideas in paragraphs</source>
        <translation>Organiza las ideas en párrafos</translation>
    </message>
    <message>
        <source>States a clear opinion or main idea</source>
        <translation>Plantea una opinión o idea principal clara</translation>
    </message>
    <message>
        <source>Finishes with a conclusion</source>
        <translation>Termina con una conclusión</translation>
    </message>
    <message>
        <source>Links ideas with transitions</source>
        <translation>Une las ideas con conectores</translation>
    </message>
    <message>
        <source>Spells words correctly</source>
        <translation>Escribe las palabras sin faltas de ortografía</translation>
    </message>
    <message>
        <source>Writes grammatical sentences</source>
        <translation>Escribe oraciones gramaticalmente correctas</translation>
    </message>
    <message>
        <source>Varies sentences and chooses words well</source>
        <translation>Varía las oraciones y elige bien las palabras</translation>
    </message>
    <message>
        <source>challenge work</source>
        <translation>trabajo del desafío</translation>
    </message>
    <message>
        <source>plan evidence</source>
        <translation>evidencia del plan</translation>
    </message>
    <message>
        <source>what the teacher saw in class</source>
        <translation>lo que el docente vio en clase</translation>
    </message>
    <message>
        <source>Judged by {v} from {what}, {day}</source>
        <translation>Evaluado por {v} a partir de {what}, {day}</translation>
    </message>
    <message>
        <source>what they saw in class</source>
        <translation>lo que vio en clase</translation>
    </message>
    <message>
        <source>Say what work the judgement comes from.</source>
        <translation>Indica de qué trabajo sale la evaluación.</translation>
    </message>
    <message>
        <source>Choose the work the judgement comes from.</source>
        <translation>Elige el trabajo del que sale la evaluación.</translation>
    </message>
    <message>
        <source>That plan evidence is not this student&apos;s, or it is gone.</source>
        <translation>Esa evidencia del plan no es de este estudiante, o ya no está.</translation>
    </message>
    <message>
        <source>Essay &apos;{title}&apos; ({word_count} words)</source>
        <translation>Ensayo «{title}» ({word_count} palabras)</translation>
    </message>
    <message>
        <source>Challenge &apos;{title}&apos; ({name})</source>
        <translation>Desafío «{title}» ({name})</translation>
    </message>
    <message>
        <source>Plan: {title}: {words}</source>
        <translation>Plan: {title}: {words}</translation>
    </message>
    <message>
        <source>That draft is not this student&apos;s, or it is not in Tessera any more.</source>
        <translation>Ese borrador no es de este estudiante, o ya no está en Tessera.</translation>
    </message>
    <message>
        <source>That challenge work is not this student&apos;s team&apos;s, or it is gone.</source>
        <translation>Ese trabajo del desafío no es del equipo de este estudiante, o ya no está.</translation>
    </message>
    <message>
        <source>A note is at most {MAX_NOTE} characters.</source>
        <translation>Una nota tiene como máximo {MAX_NOTE} caracteres.</translation>
    </message>
    <message>
        <source>What I saw in class (an observation)</source>
        <translation>Lo que vi en clase (una observación)</translation>
    </message>
    <message>
        <source>Give a level or a rubric score.</source>
        <translation>Da un nivel o un puntaje de la rúbrica.</translation>
    </message>
    <message>
        <source>A rubric score is between 0 and the row&apos;s points.</source>
        <translation>Un puntaje de la rúbrica va de 0 a los puntos de la fila.</translation>
    </message>
    <message>
        <source>A level is 1 (Beginning) to 4 (Extending).</source>
        <translation>Un nivel va de 1 (Inicial) a 4 (Avanzado).</translation>
    </message>
    <message>
        <source>That student is not in Tessera any more.</source>
        <translation>Ese estudiante ya no está en Tessera.</translation>
    </message>
    <message>
        <source>That skill is not in the framework any more.</source>
        <translation>Esa habilidad ya no está en el marco.</translation>
    </message>
    <message>
        <source>Mastered {name}</source>
        <translation>Habilidad dominada: {name}</translation>
    </message>
    <message>
        <source>That judgement is not in Tessera any more.</source>
        <translation>Esa evaluación ya no está en Tessera.</translation>
    </message>
    <message>
        <source>a skill</source>
        <translation>una habilidad</translation>
    </message>
    <message>
        <source>That draft is not in Tessera any more.</source>
        <translation>Ese borrador ya no está en Tessera.</translation>
    </message>
    <message>
        <source>That team is not in Tessera any more.</source>
        <translation>Ese equipo ya no está en Tessera.</translation>
    </message>
    <message>
        <source>That evidence is not in Tessera any more.</source>
        <translation>Esa evidencia ya no está en Tessera.</translation>
    </message>
    <message>
        <source>Essay &apos;{title}&apos; ({word_count} words, {when})</source>
        <translation>Ensayo «{title}» ({word_count} palabras, {when})</translation>
    </message>
    <message>
        <source>read as UTF-16</source>
        <translation>leído como UTF-16</translation>
    </message>
    <message>
        <source>this row has {len} values but the header has {width} columns; a comma inside a value needs quotes</source>
        <translation>esta fila tiene {len} valores pero el encabezado tiene {width} columnas; una coma dentro de un valor necesita comillas</translation>
    </message>
    <message>
        <source>not UTF-8: read as Windows-1252 (Excel&apos;s CSV)</source>
        <translation>no es UTF-8: leído como Windows-1252 (el CSV de Excel)</translation>
    </message>
    <message>
        <source>{name} holds no CSV files. A roster is a folder or zip of CSV files (OneRoster, School Data Sync, Clever) or one CSV file.</source>
        <translation>{name} no contiene archivos CSV. Una lista de clase es una carpeta o un zip de archivos CSV (OneRoster, School Data Sync, Clever) o un solo archivo CSV.</translation>
    </message>
    <message>
        <source>{name} in {name2} unpacks to far more than it holds (a zip bomb?); Tessera does not read it.</source>
        <translation>{name} en {name2} se descomprime en mucho más de lo que ocupa (¿una bomba zip?); Tessera no lo lee.</translation>
    </message>
    <message>
        <source>{name} is larger than {v} MB; Tessera does not read it.</source>
        <translation>{name} pesa más de {v} MB; Tessera no lo lee.</translation>
    </message>
    <message>
        <source>the header line cannot be read ({exc})</source>
        <translation>no se puede leer la línea de encabezado ({exc})</translation>
    </message>
    <message>
        <source>{name} in {name2} cannot be unpacked ({exc}).</source>
        <translation>{name} en {name2} no se puede descomprimir ({exc}).</translation>
    </message>
    <message>
        <source>this row cannot be read ({exc}); check its quotes</source>
        <translation>no se puede leer esta fila ({exc}); revisa sus comillas</translation>
    </message>
    <message>
        <source>There is no file or folder at {path}.</source>
        <translation>No hay ningún archivo ni carpeta en {path}.</translation>
    </message>
    <message>
        <source>{name} is not a readable zip file ({exc}).</source>
        <translation>{name} no es un archivo zip legible ({exc}).</translation>
    </message>
    <message>
        <source>Writing the gradebook...</source>
        <translation>Escribiendo el libro de calificaciones...</translation>
    </message>
    <message>
        <source>Could not open {name}: {v}.</source>
        <translation>No se pudo abrir {name}: {v}.</translation>
    </message>
    <message>
        <source>administrators are not imported (add them in Tessera)</source>
        <translation>los administradores no se importan (agrégalos en Tessera)</translation>
    </message>
    <message>
        <source>parents and guardians are not imported</source>
        <translation>los padres y tutores no se importan</translation>
    </message>
    <message>
        <source>aides and proctors are not imported</source>
        <translation>los asistentes y supervisores no se importan</translation>
    </message>
    <message>
        <source>there is no manifest.csv: read as a bulk file</source>
        <translation>no hay manifest.csv: se lee como archivo completo</translation>
    </message>
    <message>
        <source>the organisation has no name</source>
        <translation>la organización no tiene nombre</translation>
    </message>
    <message>
        <source>the class has no title</source>
        <translation>la clase no tiene título</translation>
    </message>
    <message>
        <source>the class has no schoolSourcedId</source>
        <translation>la clase no tiene schoolSourcedId</translation>
    </message>
    <message>
        <source>the role has no userSourcedId</source>
        <translation>el rol no tiene userSourcedId</translation>
    </message>
    <message>
        <source>the enrollment needs both a classSourcedId and a userSourcedId</source>
        <translation>la inscripción necesita un classSourcedId y un userSourcedId</translation>
    </message>
    <message>
        <source>people whose only role is parent, guardian, aide or administrator are not imported</source>
        <translation>las personas cuyo único rol es padre, tutor, asistente o administrador no se importan</translation>
    </message>
    <message>
        <source>the person has no givenName</source>
        <translation>la persona no tiene givenName</translation>
    </message>
    <message>
        <source>username {bad}</source>
        <translation>nombre de usuario {bad}</translation>
    </message>
    <message>
        <source>role “{get}” is not a OneRoster enrollment role</source>
        <translation>el rol «{get}» no es un rol de inscripción de OneRoster</translation>
    </message>
    <message>
        <source>role “{get}” is not a OneRoster role</source>
        <translation>el rol «{get}» no es un rol de OneRoster</translation>
    </message>
    <message>
        <source>the file has no “{v}” column</source>
        <translation>el archivo no tiene la columna «{v}»</translation>
    </message>
    <message>
        <source>a name column (name, or first name and last name)</source>
        <translation>una columna de nombre (nombre, o nombre y apellido)</translation>
    </message>
    <message>
        <source>a class column</source>
        <translation>una columna de clase</translation>
    </message>
    <message>
        <source>the file needs {what}; its columns are: {v}</source>
        <translation>el archivo necesita {what}; sus columnas son: {v}</translation>
    </message>
    <message>
        <source>the row needs both {a} and {b}</source>
        <translation>la fila necesita {a} y {b}</translation>
    </message>
    <message>
        <source>this pair is already listed on row {v}</source>
        <translation>este par ya aparece en la fila {v}</translation>
    </message>
    <message>
        <source>the row has no name</source>
        <translation>la fila no tiene nombre</translation>
    </message>
    <message>
        <source>the row has no class</source>
        <translation>la fila no tiene clase</translation>
    </message>
    <message>
        <source>{person} is already listed in class {klass} on row {v}</source>
        <translation>{person} ya aparece en la clase {klass} en la fila {v}</translation>
    </message>
    <message>
        <source>the class needs a title and an orgSourcedId</source>
        <translation>la clase necesita un título y un orgSourcedId</translation>
    </message>
    <message>
        <source>the person has no First_name</source>
        <translation>la persona no tiene First_name</translation>
    </message>
    <message>
        <source>the id “{sid}” is also used in {role}s</source>
        <translation>el id «{sid}» también se usa en {role}</translation>
    </message>
    <message>
        <source>the section needs a Name (or Course_name) and a School_id</source>
        <translation>la sección necesita un Name (o Course_name) y un School_id</translation>
    </message>
    <message>
        <source>role “{get}” is not student or teacher</source>
        <translation>el rol «{get}» no es student ni teacher</translation>
    </message>
    <message>
        <source>Saving the class lists...</source>
        <translation>Guardando las listas de clase...</translation>
    </message>
    <message>
        <source>“{value}” looks like a number a spreadsheet rewrote in scientific notation; export the file again from the school&apos;s system without opening and saving it in Excel</source>
        <translation>«{value}» parece un número que una hoja de cálculo reescribió en notación científica; exporta el archivo otra vez desde el sistema de la escuela sin abrirlo ni guardarlo en Excel</translation>
    </message>
    <message>
        <source>grade “{first}” read as “0{first}” (a spreadsheet drops the leading zero)</source>
        <translation>grado «{first}» leído como «0{first}» (una hoja de cálculo quita el cero inicial)</translation>
    </message>
    <message>
        <source>the file has no “{id_col}” column (its columns: {v})</source>
        <translation>el archivo no tiene la columna «{id_col}» (sus columnas: {v})</translation>
    </message>
    <message>
        <source> (the file has “{cand}”: did a spreadsheet drop a leading zero?)</source>
        <translation> (el archivo tiene «{cand}»: ¿una hoja de cálculo quitó un cero inicial?)</translation>
    </message>
    <message>
        <source>the row has no {id_col}</source>
        <translation>la fila no tiene {id_col}</translation>
    </message>
    <message>
        <source>the id “{sid}” is already used on row {v}; the second row was left out</source>
        <translation>el id «{sid}» ya se usa en la fila {v}; la segunda fila quedó fuera</translation>
    </message>
    <message>
        <source>status “{get}” is neither active nor tobedeleted</source>
        <translation>el estado «{get}» no es active ni tobedeleted</translation>
    </message>
    <message>
        <source>{file} row {row}</source>
        <translation>{file} fila {row}</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>el archivo</translation>
    </message>
    <message>
        <source>students.csv or teachers.csv</source>
        <translation>students.csv o teachers.csv</translation>
    </message>
    <message>
        <source>{who} in {v}</source>
        <translation>{who} en {v}</translation>
    </message>
    <message>
        <source>first name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>last name</source>
        <translation>apellido</translation>
    </message>
    <message>
        <source>known as</source>
        <translation>conocido como</translation>
    </message>
    <message>
        <source>the person has no role in roles.csv or enrollments.csv</source>
        <translation>la persona no tiene rol en roles.csv ni en enrollments.csv</translation>
    </message>
    <message>
        <source>the person is in no class and no school of this file</source>
        <translation>la persona no está en ninguna clase ni escuela de este archivo</translation>
    </message>
    <message>
        <source>matched to this person in Tessera</source>
        <translation>coincide con esta persona en Tessera</translation>
    </message>
    <message>
        <source>sign-in name {username}</source>
        <translation>nombre de usuario {username}</translation>
    </message>
    <message>
        <source>is taken in Tessera</source>
        <translation>ya está en uso en Tessera</translation>
    </message>
    <message>
        <source>is not a valid Tessera sign-in name</source>
        <translation>no es un nombre de usuario válido en Tessera</translation>
    </message>
    <message>
        <source>this person was erased from Tessera; they are not made again</source>
        <translation>esta persona fue borrada de Tessera; no se vuelve a crear</translation>
    </message>
    <message>
        <source>is a {role} in the file but a {role2} in Tessera; the role was not changed</source>
        <translation>es {role} en el archivo pero {role2} en Tessera; el rol no se cambió</translation>
    </message>
    <message>
        <source>back from the archive</source>
        <translation>vuelve del archivo</translation>
    </message>
    <message>
        <source>no longer in the school&apos;s file</source>
        <translation>ya no está en el archivo de la escuela</translation>
    </message>
    <message>
        <source>username “{username}” {why}; signs in as “{name}”</source>
        <translation>el nombre de usuario «{username}» {why}; inicia sesión como «{name}»</translation>
    </message>
    <message>
        <source>its person “{user}” was refused (row {v})</source>
        <translation>su persona «{user}» fue rechazada (fila {v})</translation>
    </message>
    <message>
        <source>taken out of the class</source>
        <translation>sacado de la clase</translation>
    </message>
    <message>
        <source>back in the class</source>
        <translation>de vuelta en la clase</translation>
    </message>
    <message>
        <source>{v} in {name}</source>
        <translation>{v} en {name}</translation>
    </message>
    <message>
        <source>no longer in the class</source>
        <translation>ya no está en la clase</translation>
    </message>
    <message>
        <source>class “{klass}” is not in {file_of}</source>
        <translation>la clase «{klass}» no está en {file_of}</translation>
    </message>
    <message>
        <source>its class “{klass}” was refused</source>
        <translation>su clase «{klass}» fue rechazada</translation>
    </message>
    <message>
        <source>person “{user}” is not in {file_of}</source>
        <translation>la persona «{user}» no está en {file_of}</translation>
    </message>
    <message>
        <source>its person “{user}” was refused ({file_of} row {row})</source>
        <translation>su persona «{user}» fue rechazada ({file_of} fila {row})</translation>
    </message>
    <message>
        <source>Only a teacher or an admin can import a class list.</source>
        <translation>Solo un docente o un administrador puede importar una lista de clase.</translation>
    </message>
    <message>
        <source>This file does not list you as the teacher of any class, so there is nothing you may import from it. Ask your school&apos;s Tessera admin to import it.</source>
        <translation>Este archivo no te muestra como docente de ninguna clase, así que no hay nada que puedas importar de él. Pide al administrador de Tessera de tu escuela que lo importe.</translation>
    </message>
    <message>
        <source>this class was deleted in Tessera; it is not made again</source>
        <translation>esta clase fue borrada en Tessera; no se vuelve a crear</translation>
    </message>
    <message>
        <source>this class is not one of yours in Tessera</source>
        <translation>esta clase no es una de las tuyas en Tessera</translation>
    </message>
    <message>
        <source>chosen classes not in the file</source>
        <translation>clases elegidas que no están en el archivo</translation>
    </message>
    <message>
        <source>name was {name}</source>
        <translation>antes se llamaba {name}</translation>
    </message>
    <message>
        <source>matched to this school in Tessera</source>
        <translation>coincide con esta escuela en Tessera</translation>
    </message>
    <message>
        <source>its school “{school}” is not in {file_of}</source>
        <translation>su escuela «{school}» no está en {file_of}</translation>
    </message>
    <message>
        <source>matched to this class in Tessera</source>
        <translation>coincide con esta clase en Tessera</translation>
    </message>
    <message>
        <source> (was called {name})</source>
        <translation> (antes se llamaba {name})</translation>
    </message>
    <message>
        <source>grade {grade}</source>
        <translation>grado {grade}</translation>
    </message>
    <message>
        <source>{name} is not a roster Tessera knows: expected OneRoster files (manifest.csv, users.csv, classes.csv, enrollments.csv), School Data Sync or Clever files, or one CSV with a name and a class column.</source>
        <translation>{name} no es una lista de clase que Tessera conozca: se esperaban archivos OneRoster (manifest.csv, users.csv, classes.csv, enrollments.csv), archivos de School Data Sync o Clever, o un CSV con una columna de nombre y una de clase.</translation>
    </message>
    <message>
        <source>Reading the file...</source>
        <translation>Leyendo el archivo...</translation>
    </message>
    <message>
        <source>Comparing with the classes in Tessera...</source>
        <translation>Comparando con las clases en Tessera...</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>quedó fuera</translation>
    </message>
    <message>
        <source>{count} rows</source>
        <translation>{count} filas</translation>
    </message>
    <message>
        <source>This is not available on a lab computer. Use Tessera on the teacher&apos;s computer for it.</source>
        <translation>Esto no está disponible en una computadora de laboratorio. Usa Tessera en la computadora del docente para hacerlo.</translation>
    </message>
    <message>
        <source>The lab service&apos;s socket {path} is in a folder others can write to.</source>
        <translation>El socket del servicio de laboratorio {path} está en una carpeta en la que otros pueden escribir.</translation>
    </message>
    <message>
        <source>The lab service&apos;s socket is answered by another account: not trusted.</source>
        <translation>Otra cuenta responde en el socket del servicio de laboratorio: no es de confianza.</translation>
    </message>
    <message>
        <source>This lab computer&apos;s Tessera service is not running (or not installed), so Tessera cannot open the class. Ask the school&apos;s IT to start the Tessera lab service (docs/installing.md).</source>
        <translation>El servicio de Tessera de esta computadora de laboratorio no está en marcha (o no está instalado), así que Tessera no puede abrir la clase. Pide al equipo de TI de la escuela que inicie el servicio de laboratorio de Tessera (docs/installing.md).</translation>
    </message>
    <message>
        <source>The connection to this lab computer&apos;s Tessera service was lost.</source>
        <translation>Se perdió la conexión con el servicio de Tessera de esta computadora de laboratorio.</translation>
    </message>
    <message>
        <source>You can only keep your own writing.</source>
        <translation>Solo puedes guardar tu propia escritura.</translation>
    </message>
    <message>
        <source>{ceil} minutes</source>
        <translation>{ceil} minutos</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n segundo</numerusform>
            <numerusform>%n segundos</numerusform>
        </translation>
    </message>
    <message>
        <source>A username needs 3 to 40 letters, digits, dots, dashes or underscores.</source>
        <translation>Un nombre de usuario necesita de 3 a 40 letras, dígitos, puntos, guiones o guiones bajos.</translation>
    </message>
    <message>
        <source>Please choose a password of at least 8 characters.</source>
        <translation>Elige una contraseña de al menos 8 caracteres.</translation>
    </message>
    <message>
        <source>Please fill in your name, your school and your class.</source>
        <translation>Completa tu nombre, tu escuela y tu clase.</translation>
    </message>
    <message>
        <source>That username and password do not match.</source>
        <translation>El usuario y la contraseña no coinciden.</translation>
    </message>
    <message>
        <source>Welcome! This is your first sign-in: please choose your password.</source>
        <translation>¡Bienvenido! Es tu primer inicio de sesión: elige tu contraseña.</translation>
    </message>
    <message>
        <source>Too many wrong passwords. Please wait {wait_words}, then try again.</source>
        <translation>Demasiadas contraseñas incorrectas. Espera {wait_words} y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>This account was removed from Tessera. Ask your school&apos;s Tessera admin.</source>
        <translation>Esta cuenta fue quitada de Tessera. Consulta al administrador de Tessera de tu escuela.</translation>
    </message>
    <message>
        <source>This account is switched off. Ask your school&apos;s Tessera admin.</source>
        <translation>Esta cuenta está desactivada. Consulta al administrador de Tessera de tu escuela.</translation>
    </message>
    <message>
        <source>That name is no longer in Tessera. Ask your teacher.</source>
        <translation>Ese nombre ya no está en Tessera. Pregúntale a tu docente.</translation>
    </message>
    <message>
        <source>This class is closed. Ask your teacher which class to pick.</source>
        <translation>Esta clase está cerrada. Pregúntale a tu docente qué clase elegir.</translation>
    </message>
    <message>
        <source>That name is not in this class. Check the class, or ask your teacher.</source>
        <translation>Ese nombre no está en esta clase. Revisa la clase o pregúntale a tu docente.</translation>
    </message>
    <message>
        <source>Your teacher has archived your account, so it cannot sign in. Ask your teacher.</source>
        <translation>Tu docente archivó tu cuenta, así que no puede iniciar sesión. Pregúntale a tu docente.</translation>
    </message>
    <message>
        <source>Your sign-in is switched off. Ask your teacher.</source>
        <translation>Tu inicio de sesión está desactivado. Pregúntale a tu docente.</translation>
    </message>
    <message>
        <source>A PIN is 4 to 6 digits.</source>
        <translation>Un PIN tiene de 4 a 6 dígitos.</translation>
    </message>
    <message>
        <source>The username {username!r} is taken.</source>
        <translation>El nombre de usuario {username!r} ya está en uso.</translation>
    </message>
    <message>
        <source>That account already has a password; sign in with it.</source>
        <translation>Esa cuenta ya tiene contraseña; inicia sesión con ella.</translation>
    </message>
    <message>
        <source>Too many wrong PINs today. Ask your teacher to unlock your sign-in.</source>
        <translation>Demasiados PIN incorrectos hoy. Pídele a tu docente que desbloquee tu inicio de sesión.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Please wait {wait_words}, or ask your teacher.</source>
        <translation>Demasiados PIN incorrectos. Espera {wait_words} o pregúntale a tu docente.</translation>
    </message>
    <message>
        <source>You do not have a PIN yet. Ask your teacher to set one.</source>
        <translation>Aún no tienes PIN. Pídele a tu docente que te asigne uno.</translation>
    </message>
    <message>
        <source>That PIN is not right. Try again.</source>
        <translation>Ese PIN no es correcto. Inténtalo otra vez.</translation>
    </message>
    <message>
        <source>Only a teacher can see this.</source>
        <translation>Solo un docente puede ver esto.</translation>
    </message>
    <message>
        <source>Only a teacher can unlock a sign-in.</source>
        <translation>Solo un docente puede desbloquear un inicio de sesión.</translation>
    </message>
    <message>
        <source>That student is no longer in Tessera.</source>
        <translation>Ese estudiante ya no está en Tessera.</translation>
    </message>
    <message>
        <source>This student is not in one of your classes.</source>
        <translation>Este estudiante no está en ninguna de tus clases.</translation>
    </message>
    <message>
        <source>Say what you are celebrating.</source>
        <translation>Di qué estás celebrando.</translation>
    </message>
    <message>
        <source>PIN {v} of {len}</source>
        <translation>PIN {v} de {len}</translation>
    </message>
    <message>
        <source>Only your school&apos;s policy for this computer can set that.</source>
        <translation>Solo la política de tu escuela para esta computadora puede fijar eso.</translation>
    </message>
    <message>
        <source>Your school set this for this computer; ask your school&apos;s Tessera admin.</source>
        <translation>Tu escuela fijó esto para esta computadora; consulta al administrador de Tessera de tu escuela.</translation>
    </message>
    <message>
        <source>This computer&apos;s settings cannot be changed here.</source>
        <translation>Los ajustes de esta computadora no se pueden cambiar aquí.</translation>
    </message>
    <message>
        <source>Please choose on or off.</source>
        <translation>Elige activado o desactivado.</translation>
    </message>
    <message>
        <source>Idle sign-out on this computer is {low} to {MAX_IDLE_MINUTES} minutes.</source>
        <translation>El cierre de sesión por inactividad en esta computadora es de {low} a {MAX_IDLE_MINUTES} minutos.</translation>
    </message>
    <message>
        <source>Idle sign-out is a number of minutes.</source>
        <translation>El cierre de sesión por inactividad es un número de minutos.</translation>
    </message>
    <message>
        <source>Only a teacher can do that.</source>
        <translation>Solo un docente puede hacer eso.</translation>
    </message>
    <message>
        <source>You can only see and change your own classes.</source>
        <translation>Solo puedes ver y cambiar tus propias clases.</translation>
    </message>
    <message>
        <source>You can only see your own work.</source>
        <translation>Solo puedes ver tu propio trabajo.</translation>
    </message>
    <message>
        <source>That student no longer exists.</source>
        <translation>Ese estudiante ya no existe.</translation>
    </message>
    <message>
        <source>To erase, type the student&apos;s full name exactly: {full_name}</source>
        <translation>Para borrar, escribe exactamente el nombre completo del estudiante: {full_name}</translation>
    </message>
    <message>
        <source>Please keep each list to {MAX_ITEMS} items.</source>
        <translation>Cada lista puede tener como máximo {MAX_ITEMS} elementos.</translation>
    </message>
    <message>
        <source>Unknown profile fields: {join}.</source>
        <translation>Campos de perfil desconocidos: {join}.</translation>
    </message>
    <message>
        <source>Only your teacher can change that part of your profile.</source>
        <translation>Solo tu docente puede cambiar esa parte de tu perfil.</translation>
    </message>
    <message>
        <source>Please keep this under {MAX_TEXT} characters.</source>
        <translation>Escribe menos de {MAX_TEXT} caracteres aquí.</translation>
    </message>
    <message>
        <source>Please give the class a name.</source>
        <translation>Ponle un nombre a la clase.</translation>
    </message>
    <message>
        <source>A student needs at least a first name.</source>
        <translation>Un estudiante necesita al menos un nombre.</translation>
    </message>
    <message>
        <source>These details cannot be changed here: {join}.</source>
        <translation>Estos datos no se pueden cambiar aquí: {join}.</translation>
    </message>
    <message>
        <source>That file has no usable name.</source>
        <translation>Ese archivo no tiene un nombre que se pueda usar.</translation>
    </message>
    <message>
        <source>Tessera can attach only these kinds of file: {allowed}.</source>
        <translation>Tessera solo puede adjuntar estos tipos de archivo: {allowed}.</translation>
    </message>
    <message>
        <source>That attachment reference is not valid.</source>
        <translation>Esa referencia de adjunto no es válida.</translation>
    </message>
    <message>
        <source>Only ordinary files can be attached, not folders or devices.</source>
        <translation>Solo se pueden adjuntar archivos comunes, no carpetas ni dispositivos.</translation>
    </message>
    <message>
        <source>That file is too big: the limit is {limit_mb} MB.</source>
        <translation>Ese archivo es demasiado grande: el límite es {limit_mb} MB.</translation>
    </message>
    <message>
        <source>Tessera cannot read that file ({v}).</source>
        <translation>Tessera no puede leer ese archivo ({v}).</translation>
    </message>
    <message>
        <source>That file is empty.</source>
        <translation>Ese archivo está vacío.</translation>
    </message>
    <message>
        <source>{name} does not look like a real {upper} file, so it was not attached.</source>
        <translation>{name} no parece un archivo {upper} real, así que no se adjuntó.</translation>
    </message>
    <message numerus="yes">
        <source> and %n more skill(s)</source>
        <translation>
            <numerusform> y %n habilidad más</numerusform>
            <numerusform> y %n habilidades más</numerusform>
        </translation>
    </message>
    <message>
        <source>Stuck on {name}{more}</source>
        <translation>Atascado en {name}{more}</translation>
    </message>
    <message>
        <source>Plan behind</source>
        <translation>Plan atrasado</translation>
    </message>
    <message numerus="yes">
        <source>%n essay(s) to read</source>
        <translation>
            <numerusform>%n ensayo por leer</numerusform>
            <numerusform>%n ensayos por leer</numerusform>
        </translation>
    </message>
    <message>
        <source>That challenge no longer exists.</source>
        <translation>Ese desafío ya no existe.</translation>
    </message>
    <message>
        <source>That team no longer exists.</source>
        <translation>Ese equipo ya no existe.</translation>
    </message>
    <message>
        <source>Only the teachers running this challenge can do that.</source>
        <translation>Solo los docentes que dirigen este desafío pueden hacer eso.</translation>
    </message>
    <message>
        <source>This team is not in one of your classes.</source>
        <translation>Este equipo no está en ninguna de tus clases.</translation>
    </message>
    <message>
        <source>You can only see your own team&apos;s work.</source>
        <translation>Solo puedes ver el trabajo de tu propio equipo.</translation>
    </message>
    <message>
        <source>Each rubric criterion needs its own name.</source>
        <translation>Cada criterio de la rúbrica necesita su propio nombre.</translation>
    </message>
    <message>
        <source>This challenge is not set for that class.</source>
        <translation>Este desafío no está asignado a esa clase.</translation>
    </message>
    <message>
        <source>This challenge is finished; its teams can no longer change.</source>
        <translation>Este desafío terminó; sus equipos ya no pueden cambiar.</translation>
    </message>
    <message>
        <source>The challenge templates could not be read: {exc}</source>
        <translation>No se pudieron leer las plantillas de desafíos: {exc}</translation>
    </message>
    <message>
        <source>That template is not available.</source>
        <translation>Esa plantilla no está disponible.</translation>
    </message>
    <message>
        <source>Give the challenge a title.</source>
        <translation>Ponle un título al desafío.</translation>
    </message>
    <message>
        <source>A challenge is for one class, a grade or the whole school.</source>
        <translation>Un desafío es para una clase, un grado o toda la escuela.</translation>
    </message>
    <message>
        <source>Add at least one checkpoint with a date.</source>
        <translation>Agrega al menos un punto de control con fecha.</translation>
    </message>
    <message>
        <source>Team {v}</source>
        <translation>Equipo {v}</translation>
    </message>
    <message>
        <source>You can only see challenges you are part of.</source>
        <translation>Solo puedes ver los desafíos en los que participas.</translation>
    </message>
    <message>
        <source>Each team needs its own name.</source>
        <translation>Cada equipo necesita su propio nombre.</translation>
    </message>
    <message>
        <source>Teams can only have students of this class.</source>
        <translation>Los equipos solo pueden tener estudiantes de esta clase.</translation>
    </message>
    <message>
        <source>A student can be on only one team.</source>
        <translation>Un estudiante solo puede estar en un equipo.</translation>
    </message>
    <message>
        <source>You can set a grade challenge only for a grade you teach.</source>
        <translation>Solo puedes asignar un desafío de grado a un grado en el que enseñas.</translation>
    </message>
    <message>
        <source>Finished the challenge: {title}</source>
        <translation>Terminó el desafío: {title}</translation>
    </message>
    <message>
        <source>Very low</source>
        <translation>Muy bajo</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bajo</translation>
    </message>
    <message>
        <source>Okay</source>
        <translation>Más o menos</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Bien</translation>
    </message>
    <message>
        <source>Great</source>
        <translation>Genial</translation>
    </message>
    <message>
        <source>Exhausted</source>
        <translation>Agotado</translation>
    </message>
    <message>
        <source>Tired</source>
        <translation>Cansado</translation>
    </message>
    <message>
        <source>Steady</source>
        <translation>Estable</translation>
    </message>
    <message>
        <source>Lively</source>
        <translation>Con ánimo</translation>
    </message>
    <message>
        <source>Full of energy</source>
        <translation>Lleno de energía</translation>
    </message>
    <message>
        <source>{name} reported low mood in their last {streak} check-ins. It may be worth a quiet word.</source>
        <translation>{name} registró ánimo bajo en sus últimos {streak} registros. Quizá valga la pena hablar en privado.</translation>
    </message>
    <message>
        <source>Check-ins are switched off at this school.</source>
        <translation>Los registros de ánimo están desactivados en esta escuela.</translation>
    </message>
    <message>
        <source>Only a school administrator can switch check-ins on or off.</source>
        <translation>Solo un administrador de la escuela puede activar o desactivar los registros de ánimo.</translation>
    </message>
    <message>
        <source>Check-ins are the student&apos;s own: only students check in.</source>
        <translation>Los registros de ánimo son del propio estudiante: solo los estudiantes registran su ánimo.</translation>
    </message>
    <message>
        <source>Choose how you feel and your energy, from 1 to 5.</source>
        <translation>Elige cómo te sientes y tu energía, del 1 al 5.</translation>
    </message>
    <message>
        <source>Keep the sentence short: 280 characters at most.</source>
        <translation>Escribe una frase corta: 280 caracteres como máximo.</translation>
    </message>
    <message>
        <source>That school does not exist.</source>
        <translation>Esa escuela no existe.</translation>
    </message>
    <message>
        <source>That check-in is no longer there.</source>
        <translation>Ese registro de ánimo ya no está.</translation>
    </message>
    <message>
        <source>Only the student can take back their own check-in.</source>
        <translation>Solo el estudiante puede retirar su propio registro de ánimo.</translation>
    </message>
    <message>
        <source>Writing: {title} ({status})</source>
        <translation>Escritura: {title} ({status})</translation>
    </message>
    <message>
        <source>Writing: {t}</source>
        <translation>Escritura: {t}</translation>
    </message>
    <message>
        <source>Challenge: {t}</source>
        <translation>Desafío: {t}</translation>
    </message>
    <message>
        <source>Challenge: {title}</source>
        <translation>Desafío: {title}</translation>
    </message>
    <message>
        <source> on {lstrip}</source>
        <translation> el {lstrip}</translation>
    </message>
    <message>
        <source>{n_} practice questions on {get} since the plan began ({round}% right)</source>
        <translation>{n_} preguntas de práctica sobre {get} desde que empezó el plan ({round}% correctas)</translation>
    </message>
    <message>
        <source>{get}: {round}% likely right now, from {v} questions in all</source>
        <translation>{get}: {round}% de probabilidad de acertar ahora, a partir de {v} preguntas en total</translation>
    </message>
    <message>
        <source>Mastered {get}{stamp}</source>
        <translation>Dominó {get}{stamp}</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>Práctica</translation>
    </message>
    <message>
        <source>A project</source>
        <translation>Un proyecto</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>Escritura</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>Al día</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>Atrasado</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>No plan yet</source>
        <translation>Aún sin plan</translation>
    </message>
    <message>
        <source>Beginning</source>
        <translation>Inicial</translation>
    </message>
    <message>
        <source>I am starting out and need help with most steps.</source>
        <translation>Estoy empezando y necesito ayuda en la mayoría de los pasos.</translation>
    </message>
    <message>
        <source>Developing</source>
        <translation>En desarrollo</translation>
    </message>
    <message>
        <source>I can do some of it, with help or a worked example.</source>
        <translation>Puedo hacer una parte, con ayuda o con un ejemplo resuelto.</translation>
    </message>
    <message>
        <source>Secure</source>
        <translation>Logrado</translation>
    </message>
    <message>
        <source>I can do it on my own, most of the time.</source>
        <translation>Puedo hacerlo por mi cuenta, casi siempre.</translation>
    </message>
    <message>
        <source>Extending</source>
        <translation>Avanzado</translation>
    </message>
    <message>
        <source>I can explain it, teach it, or use it in something new.</source>
        <translation>Puedo explicarlo, enseñarlo o usarlo en algo nuevo.</translation>
    </message>
    <message>
        <source>on {day}</source>
        <translation>el {day}</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>mañana</translation>
    </message>
    <message>
        <source>{v} days ago</source>
        <translation>hace {v} días</translation>
    </message>
    <message>
        <source>You last practised {name} {days} days ago and {what}: a short review now keeps it from fading.</source>
        <translation>Practicaste {name} por última vez hace {days} días y {what}: un repaso corto ahora evita que se te olvide.</translation>
    </message>
    <message>
        <source>Keep going on your goal: {pct}% done so far.</source>
        <translation>Sigue con tu meta: llevas {pct}% hecho.</translation>
    </message>
    <message>
        <source> You are a little behind your plan; a session now catches up.</source>
        <translation> Vas un poco atrasado en tu plan; una sesión ahora te pone al día.</translation>
    </message>
    <message>
        <source> Practise {weakest_skill}.</source>
        <translation> Practica {weakest_skill}.</translation>
    </message>
    <message>
        <source>Your team&apos;s checkpoint “{title}” for {challenge_title} was due {when}.</source>
        <translation>El punto de control «{title}» de tu equipo en {challenge_title} vencía {when}.</translation>
    </message>
    <message>
        <source>you know it well</source>
        <translation>lo sabes bien</translation>
    </message>
    <message>
        <source>{name} will be due for a review in a day or two; a head start helps it stick.</source>
        <translation>Te tocará repasar {name} en uno o dos días; adelantarte ayuda a que no se te olvide.</translation>
    </message>
    <message>
        <source>Review {name}</source>
        <translation>Repasar {name}</translation>
    </message>
    <message>
        <source>Your milestone “{next_milestone}” was due {when}.</source>
        <translation>Tu hito «{next_milestone}» vencía {when}.</translation>
    </message>
    <message>
        <source>Your team&apos;s checkpoint “{title}” for {challenge_title} is due {when}.</source>
        <translation>El punto de control «{title}» de tu equipo en {challenge_title} vence {when}.</translation>
    </message>
    <message>
        <source>Coming up for {challenge_title}: “{title}”, due {when}.</source>
        <translation>Se acerca en {challenge_title}: «{title}», vence {when}.</translation>
    </message>
    <message>
        <source>{title} was due {when}.</source>
        <translation>{title} vencía {when}.</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Registrar mi ánimo</translation>
    </message>
    <message>
        <source>You have not checked in today. It takes a few seconds and helps your teacher know how you are.</source>
        <translation>Hoy no has registrado tu ánimo. Toma unos segundos y ayuda a tu docente a saber cómo estás.</translation>
    </message>
    <message>
        <source>Make your plan</source>
        <translation>Haz tu plan</translation>
    </message>
    <message>
        <source>You do not have a plan yet: choose goals that start from your strengths and interests.</source>
        <translation>Aún no tienes un plan: elige metas que partan de tus fortalezas e intereses.</translation>
    </message>
    <message>
        <source>it was hard last time, so ask for help if it still is</source>
        <translation>te costó la última vez, así que pide ayuda si todavía te cuesta</translation>
    </message>
    <message>
        <source>you are still building it</source>
        <translation>todavía lo estás aprendiendo</translation>
    </message>
    <message>
        <source>Your milestone “{next_milestone}” is due {when}.</source>
        <translation>Tu hito «{next_milestone}» vence {when}.</translation>
    </message>
    <message>
        <source>Next step for your goal: “{next_milestone}” ({pct}% done so far).</source>
        <translation>Siguiente paso para tu meta: «{next_milestone}» (llevas {pct}% hecho).</translation>
    </message>
    <message>
        <source>{title} is due {when}.</source>
        <translation>{title} vence {when}.</translation>
    </message>
    <message>
        <source>Your teacher suggested changes to your plan: read the note and update it.</source>
        <translation>Tu docente sugirió cambios a tu plan: lee la nota y actualízalo.</translation>
    </message>
    <message>
        <source>Read feedback on {title}</source>
        <translation>Leer los comentarios sobre {title}</translation>
    </message>
    <message>
        <source>Your teacher returned your writing with feedback: read it while it is fresh and improve your draft.</source>
        <translation>Tu docente te devolvió tu escrito con comentarios: léelos mientras están frescos y mejora tu borrador.</translation>
    </message>
    <message>
        <source>{title} is due {when}; starting early makes it easier.</source>
        <translation>{title} vence {when}; empezar antes lo hace más fácil.</translation>
    </message>
    <message>
        <source>Send your plan to your teacher</source>
        <translation>Envía tu plan a tu docente</translation>
    </message>
    <message>
        <source>Your plan is still a draft: send it to your teacher when you are happy with it.</source>
        <translation>Tu plan todavía es un borrador: envíalo a tu docente cuando te guste cómo quedó.</translation>
    </message>
    <message>
        <source>My plan</source>
        <translation>Mi plan</translation>
    </message>
    <message>
        <source>goal title</source>
        <translation>título de la meta</translation>
    </message>
    <message>
        <source>reason for the goal</source>
        <translation>motivo de la meta</translation>
    </message>
    <message>
        <source>Please keep the {what} under {limit} characters.</source>
        <translation>Escribe {what} con menos de {limit} caracteres.</translation>
    </message>
    <message>
        <source>Only the student can change their own plan; teachers give feedback.</source>
        <translation>Solo el estudiante puede cambiar su propio plan; los docentes dan comentarios.</translation>
    </message>
    <message>
        <source>That goal no longer exists.</source>
        <translation>Esa meta ya no existe.</translation>
    </message>
    <message>
        <source>Choose practice, a project or writing as the path for each goal.</source>
        <translation>Elige práctica, un proyecto o escritura como camino para cada meta.</translation>
    </message>
    <message>
        <source>One of the goal&apos;s skills is not in the skill framework.</source>
        <translation>Una de las habilidades de la meta no está en el marco de habilidades.</translation>
    </message>
    <message>
        <source>The practice goal “{strip}” needs at least one skill.</source>
        <translation>La meta de práctica «{strip}» necesita al menos una habilidad.</translation>
    </message>
    <message>
        <source>Weekly minutes should be between 0 and 1200.</source>
        <translation>Los minutos semanales deben estar entre 0 y 1200.</translation>
    </message>
    <message>
        <source>Choose a pace for “{strip}”: a target date or minutes a week.</source>
        <translation>Elige un ritmo para «{strip}»: una fecha meta o minutos por semana.</translation>
    </message>
    <message>
        <source>A goal has at most {MAX_MILESTONES} milestones.</source>
        <translation>Una meta tiene como máximo {MAX_MILESTONES} hitos.</translation>
    </message>
    <message>
        <source>Choose at least one goal for your plan.</source>
        <translation>Elige al menos una meta para tu plan.</translation>
    </message>
    <message>
        <source>A plan has at most {MAX_GOALS} goals: fewer goals, done well, work better.</source>
        <translation>Un plan tiene como máximo {MAX_GOALS} metas: menos metas, bien hechas, funcionan mejor.</translation>
    </message>
    <message>
        <source>Choose a level from 1 (Beginning) to 4 (Extending).</source>
        <translation>Elige un nivel del 1 (Inicial) al 4 (Avanzado).</translation>
    </message>
    <message>
        <source>That kind of evidence cannot be attached to a goal.</source>
        <translation>Ese tipo de evidencia no se puede adjuntar a una meta.</translation>
    </message>
    <message>
        <source>Unknown goal status.</source>
        <translation>Estado de meta desconocido.</translation>
    </message>
    <message>
        <source>Approve the plan or suggest changes.</source>
        <translation>Aprueba el plan o sugiere cambios.</translation>
    </message>
    <message>
        <source>Say what you suggest changing, so the student knows what to do.</source>
        <translation>Di qué sugieres cambiar, para que el estudiante sepa qué hacer.</translation>
    </message>
    <message>
        <source>Every goal met.</source>
        <translation>Todas las metas cumplidas.</translation>
    </message>
    <message>
        <source>plan title</source>
        <translation>título del plan</translation>
    </message>
    <message>
        <source>Make your plan first.</source>
        <translation>Primero haz tu plan.</translation>
    </message>
    <message>
        <source>That milestone no longer exists.</source>
        <translation>Ese hito ya no existe.</translation>
    </message>
    <message>
        <source>You can only attach your own work as evidence.</source>
        <translation>Solo puedes adjuntar tu propio trabajo como evidencia.</translation>
    </message>
    <message>
        <source>Write what the evidence shows.</source>
        <translation>Escribe qué muestra la evidencia.</translation>
    </message>
    <message>
        <source>That evidence is no longer there.</source>
        <translation>Esa evidencia ya no está.</translation>
    </message>
    <message>
        <source>Met a goal: {title}</source>
        <translation>Cumplió una meta: {title}</translation>
    </message>
    <message>
        <source>That plan no longer exists.</source>
        <translation>Ese plan ya no existe.</translation>
    </message>
    <message>
        <source>No plan yet.</source>
        <translation>Aún sin plan.</translation>
    </message>
    <message>
        <source>No goals yet.</source>
        <translation>Aún sin metas.</translation>
    </message>
    <message>
        <source>On track.</source>
        <translation>Al día.</translation>
    </message>
    <message>
        <source>Progress is shown, not claimed: finish the milestones and attach evidence (or master the skills) first.</source>
        <translation>El progreso se demuestra, no se declara: primero termina los hitos y adjunta evidencias (o domina las habilidades).</translation>
    </message>
    <message>
        <source>{pct} done, keeping pace with the plan.</source>
        <translation>{pct} hecho, al ritmo del plan.</translation>
    </message>
    <message>
        <source>Goal met.</source>
        <translation>Meta cumplida.</translation>
    </message>
    <message>
        <source>Milestone “{v}” was due on {day}.</source>
        <translation>El hito «{v}» vencía el {day}.</translation>
    </message>
    <message>
        <source>The target date ({day}) has passed at {pct}.</source>
        <translation>La fecha meta ({day}) pasó con {pct}.</translation>
    </message>
    <message>
        <source>{pct} done; about {round}% was planned by now.</source>
        <translation>{pct} hecho; para ahora se había planeado cerca del {round}%.</translation>
    </message>
    <message>
        <source>{round} of {weekly_minutes} minutes this week.</source>
        <translation>{round} de {weekly_minutes} minutos esta semana.</translation>
    </message>
    <message>
        <source>Just set: it starts from {pct}.</source>
        <translation>Recién fijada: empieza desde {pct}.</translation>
    </message>
    <message>
        <source>Plan status</source>
        <translation>Estado del plan</translation>
    </message>
    <message>
        <source>Goals met</source>
        <translation>Metas cumplidas</translation>
    </message>
    <message>
        <source>Goals behind</source>
        <translation>Metas atrasadas</translation>
    </message>
    <message>
        <source>Goal progress %</source>
        <translation>Progreso de metas %</translation>
    </message>
    <message>
        <source>Next milestone</source>
        <translation>Próximo hito</translation>
    </message>
    <message>
        <source>Next milestone due</source>
        <translation>Fecha del próximo hito</translation>
    </message>
    <message>
        <source>Skills practised</source>
        <translation>Habilidades practicadas</translation>
    </message>
    <message>
        <source>Skills mastered</source>
        <translation>Habilidades dominadas</translation>
    </message>
    <message>
        <source>Mean mastery %</source>
        <translation>Dominio promedio %</translation>
    </message>
    <message>
        <source>Celebrations (30 days)</source>
        <translation>Celebraciones (30 días)</translation>
    </message>
    <message>
        <source>Why (pace)</source>
        <translation>Por qué (ritmo)</translation>
    </message>
    <message>
        <source>Reading the profile</source>
        <translation>Leyendo el perfil</translation>
    </message>
    <message>
        <source>Reading the plan and its evidence</source>
        <translation>Leyendo el plan y sus evidencias</translation>
    </message>
    <message>
        <source>Reading the jagged profile</source>
        <translation>Leyendo el perfil irregular</translation>
    </message>
    <message>
        <source>Putting the report together</source>
        <translation>Armando el informe</translation>
    </message>
    <message>
        <source>Reading the class&apos;s plans</source>
        <translation>Leyendo los planes de la clase</translation>
    </message>
    <message>
        <source>Writing the file</source>
        <translation>Escribiendo el archivo</translation>
    </message>
    <message>
        <source>Not yet assessed</source>
        <translation>Aún sin evaluar</translation>
    </message>
    <message>
        <source>The summary could not be saved to {path}: {v}.</source>
        <translation>No se pudo guardar el resumen en {path}: {v}.</translation>
    </message>
    <message>
        <source>by {date}</source>
        <translation>para el {date}</translation>
    </message>
    <message>
        <source>{weekly_minutes} minutes a week</source>
        <translation>{weekly_minutes} minutos por semana</translation>
    </message>
    <message>
        <source>Practise three times a week</source>
        <translation>Practicar tres veces por semana</translation>
    </message>
    <message>
        <source>Get most questions right without hints</source>
        <translation>Acertar la mayoría de las preguntas sin pistas</translation>
    </message>
    <message>
        <source>Explain a worked example to a friend</source>
        <translation>Explicarle un ejemplo resuelto a un amigo</translation>
    </message>
    <message>
        <source>Plan my piece</source>
        <translation>Planear mi texto</translation>
    </message>
    <message>
        <source>First draft</source>
        <translation>Primer borrador</translation>
    </message>
    <message>
        <source>Final draft with feedback used</source>
        <translation>Borrador final usando los comentarios</translation>
    </message>
    <message>
        <source>Gather what I need</source>
        <translation>Reunir lo que necesito</translation>
    </message>
    <message>
        <source>Make a first version</source>
        <translation>Hacer una primera versión</translation>
    </message>
    <message>
        <source>Share it with the class</source>
        <translation>Compartirlo con la clase</translation>
    </message>
    <message>
        <source>Master {name}</source>
        <translation>Dominar {name}</translation>
    </message>
    <message>
        <source>You are strong in {names}, so {name} is a good next step.</source>
        <translation>Eres fuerte en {names}, así que {name} es un buen siguiente paso.</translation>
    </message>
    <message>
        <source>You love {interest}; this builds {skill_names}.</source>
        <translation>Te encanta {interest}; esto desarrolla {skill_names}.</translation>
    </message>
    <message>
        <source>A checkpoint is not started, in progress or done.</source>
        <translation>Un punto de control está sin empezar, en curso o terminado.</translation>
    </message>
    <message>
        <source>Post progress or a reflection.</source>
        <translation>Publica un avance o una reflexión.</translation>
    </message>
    <message>
        <source>Write something first.</source>
        <translation>Primero escribe algo.</translation>
    </message>
    <message>
        <source>Please keep a post under 4000 characters.</source>
        <translation>Escribe una publicación de menos de 4000 caracteres.</translation>
    </message>
    <message>
        <source>That file has not arrived on this computer yet; it comes with the next sync.</source>
        <translation>Ese archivo todavía no llegó a esta computadora; llega con la próxima sincronización.</translation>
    </message>
    <message>
        <source>This challenge is finished.</source>
        <translation>Este desafío terminó.</translation>
    </message>
    <message>
        <source>That checkpoint is not part of this challenge.</source>
        <translation>Ese punto de control no es parte de este desafío.</translation>
    </message>
    <message>
        <source>That file is no longer attached.</source>
        <translation>Ese archivo ya no está adjunto.</translation>
    </message>
    <message>
        <source>“{k}” is not a criterion of this challenge&apos;s rubric.</source>
        <translation>«{k}» no es un criterio de la rúbrica de este desafío.</translation>
    </message>
    <message>
        <source>Rubric levels go from 1 (Beginning) to 4 (Extending).</source>
        <translation>Los niveles de la rúbrica van de 1 (Inicial) a 4 (Avanzado).</translation>
    </message>
    <message>
        <source>Strengths: {strong}.</source>
        <translation>Fortalezas: {strong}.</translation>
    </message>
    <message>
        <source>A mix of growing strengths.</source>
        <translation>Una mezcla de fortalezas en crecimiento.</translation>
    </message>
    <message>
        <source> Shared interests: {join}.</source>
        <translation> Intereses compartidos: {join}.</translation>
    </message>
    <message>
        <source>That skill is not in the framework any more; choose another one.</source>
        <translation>Esa habilidad ya no está en el marco; elige otra.</translation>
    </message>
    <message>
        <source>{name} has no questions in it. Nothing was imported.</source>
        <translation>{name} no tiene preguntas. No se importó nada.</translation>
    </message>
    <message>
        <source>Writing questions: {title}</source>
        <translation>Escribiendo preguntas: {title}</translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation>Leyendo el archivo</translation>
    </message>
    <message>
        <source>Adding {len} questions</source>
        <translation>Agregando {len} preguntas</translation>
    </message>
    <message>
        <source>Judged from {full_name}&apos;s work rather than practice questions: about {round}% secure.</source>
        <translation>Evaluado a partir del trabajo de {full_name} y no de preguntas de práctica: cerca de {round}% firme.</translation>
    </message>
    <message>
        <source>A teacher&apos;s judgement of {full_name}&apos;s work, with the practice answers given since: about {round}% secure.</source>
        <translation>La evaluación de un docente sobre el trabajo de {full_name}, con las respuestas de práctica dadas desde entonces: cerca de {round}% firme.</translation>
    </message>
    <message>
        <source>Stuck: {why}. Also: {facts}</source>
        <translation>Atascado: {why}. Además: {facts}</translation>
    </message>
    <message>
        <source>Choose a target between {lo:.0%} and {hi:.0%} right.</source>
        <translation>Elige un objetivo de aciertos entre {lo:.0%} y {hi:.0%}.</translation>
    </message>
    <message>
        <source>Choose up to {MAX_FOCUS} focus skills, so practice still has some variety.</source>
        <translation>Elige hasta {MAX_FOCUS} habilidades de enfoque, para que la práctica siga teniendo variedad.</translation>
    </message>
    <message>
        <source>That student or skill is not in Tessera any more.</source>
        <translation>Ese estudiante o esa habilidad ya no está en Tessera.</translation>
    </message>
    <message>
        <source>nearly there</source>
        <translation>casi lo logra</translation>
    </message>
    <message>
        <source>the last {wrong_run} answers were wrong</source>
        <translation>las últimas {wrong_run} respuestas fueron incorrectas</translation>
    </message>
    <message>
        <source>{right} of {attempts} right in the last {WINDOW_DAYS} days</source>
        <translation>{right} de {attempts} correctas en los últimos {WINDOW_DAYS} días</translation>
    </message>
    <message>
        <source>One of those skills is not in the framework any more.</source>
        <translation>Una de esas habilidades ya no está en el marco.</translation>
    </message>
    <message>
        <source>“{name}” has no practice questions yet, so it cannot be a focus. Import questions for it first, or choose another skill.</source>
        <translation>«{name}» aún no tiene preguntas de práctica, así que no puede ser un enfoque. Primero importa preguntas para ella, o elige otra habilidad.</translation>
    </message>
    <message>
        <source>Choose one of the {len} answers shown (1 to {len}).</source>
        <translation>Elige una de las {len} respuestas que se muestran (de 1 a {len}).</translation>
    </message>
    <message>
        <source>Type an answer first, then press Enter.</source>
        <translation>Primero escribe una respuesta y luego presiona Enter.</translation>
    </message>
    <message>
        <source>That answer is too long. Keep it under {MAX_RESPONSE} characters.</source>
        <translation>Esa respuesta es demasiado larga. Escribe menos de {MAX_RESPONSE} caracteres.</translation>
    </message>
    <message>
        <source>“{v}” is not a number Tessera can read. Write it like 12, -3, 0.75, 3/4 or 1 1/2.</source>
        <translation>«{v}» no es un número que Tessera pueda leer. Escríbelo como 12, -3, 0,75, 3/4 o 1 1/2.</translation>
    </message>
    <message>
        <source>Choose one of the answers first (press its number, or click it).</source>
        <translation>Primero elige una de las respuestas (presiona su número o haz clic en ella).</translation>
    </message>
    <message>
        <source>Type a number (like 12, 0.75 or 3/4), then press Enter.</source>
        <translation>Escribe un número (como 12, 0,75 o 3/4) y luego presiona Enter.</translation>
    </message>
    <message>
        <source>Type your answer, then press Enter.</source>
        <translation>Escribe tu respuesta y luego presiona Enter.</translation>
    </message>
    <message>
        <source>Press a number key to choose, then Enter.</source>
        <translation>Presiona una tecla numérica para elegir y luego Enter.</translation>
    </message>
    <message>
        <source>Tessera could not read that answer. Type it again, please.</source>
        <translation>Tessera no pudo leer esa respuesta. Escríbela otra vez, por favor.</translation>
    </message>
    <message>
        <source>expected success on a typical {name} question is {pct} (needs {pct2})</source>
        <translation>la probabilidad de acertar una pregunta típica de {name} es {pct} (necesita {pct2})</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) so far (needs {min_attempts})</source>
        <translation>
            <numerusform>%n respuesta hasta ahora (necesita {min_attempts})</numerusform>
            <numerusform>%n respuestas hasta ahora (necesita {min_attempts})</numerusform>
        </translation>
    </message>
    <message>
        <source>{right} of the last {len} right (needs {min_right} of {last_k})</source>
        <translation>{right} de las últimas {len} correctas (necesita {min_right} de {last_k})</translation>
    </message>
    <message>
        <source>Mastered: {v}, {v2}.</source>
        <translation>Dominada: {v}, {v2}.</translation>
    </message>
    <message>
        <source>Not started: no answers on {name} yet. The first questions will show where to begin.</source>
        <translation>Sin empezar: aún no hay respuestas en {name}. Las primeras preguntas mostrarán por dónde empezar.</translation>
    </message>
    <message>
        <source>Review: a word you have met before is due for another look.</source>
        <translation>Repaso: una palabra que ya viste necesita otro vistazo.</translation>
    </message>
    <message>
        <source>New word: one you have not met yet, from the vocabulary bank.</source>
        <translation>Palabra nueva: una que aún no has visto, del banco de vocabulario.</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>ayer</translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>hace %n día</numerusform>
            <numerusform>hace %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Starting point: {name} needs no earlier skills.</source>
        <translation>Punto de partida: {name} no necesita habilidades previas.</translation>
    </message>
    <message>
        <source>Next step: {name} is ready for more practice.</source>
        <translation>Siguiente paso: {name} está lista para más práctica.</translation>
    </message>
    <message>
        <source>Next step: the skills before {name} are in place.</source>
        <translation>Siguiente paso: las habilidades previas a {name} ya están firmes.</translation>
    </message>
    <message>
        <source>Variety: a change to {name}.</source>
        <translation>Variedad: un cambio a {name}.</translation>
    </message>
    <message>
        <source>Review: {name} was last practised {days}.</source>
        <translation>Repaso: practicaste {name} por última vez {days}.</translation>
    </message>
    <message>
        <source>Your focus: {name} is in your plan.</source>
        <translation>Tu enfoque: {name} está en tu plan.</translation>
    </message>
    <message>
        <source>Building up: {name} comes before {name2}, which is in your plan.</source>
        <translation>Preparando el camino: {name} va antes de {name2}, que está en tu plan.</translation>
    </message>
    <message>
        <source>Estimates are up to date</source>
        <translation>Las estimaciones están al día</translation>
    </message>
    <message>
        <source>it asks for more than one choice; only single-answer choice items can be imported</source>
        <translation>pide más de una opción; solo se pueden importar preguntas de opción con una sola respuesta</translation>
    </message>
    <message>
        <source>it has fewer than two choices</source>
        <translation>tiene menos de dos opciones</translation>
    </message>
    <message>
        <source>it has more than {MAX_CHOICES} choices</source>
        <translation>tiene más de {MAX_CHOICES} opciones</translation>
    </message>
    <message>
        <source>two of its choices have the same identifier</source>
        <translation>dos de sus opciones tienen el mismo identificador</translation>
    </message>
    <message>
        <source>two of its choices have the same text, so a student could not tell them apart</source>
        <translation>dos de sus opciones tienen el mismo texto, así que un estudiante no podría distinguirlas</translation>
    </message>
    <message>
        <source>it has no correct answer</source>
        <translation>no tiene respuesta correcta</translation>
    </message>
    <message>
        <source>its correct answer “{v}” is not one of its choices</source>
        <translation>su respuesta correcta «{v}» no es una de sus opciones</translation>
    </message>
    <message>
        <source>its text entry expects more than one value, which cannot be imported</source>
        <translation>su respuesta escrita espera más de un valor, y eso no se puede importar</translation>
    </message>
    <message>
        <source>its text entry has answers of type “{base}”; only text and numbers can be imported</source>
        <translation>su respuesta escrita tiene respuestas de tipo «{base}»; solo se pueden importar textos y números</translation>
    </message>
    <message>
        <source>it is a QTI “{v}”, not an assessment item</source>
        <translation>es un «{v}» de QTI, no una pregunta de evaluación</translation>
    </message>
    <message>
        <source>the item has no identifier</source>
        <translation>la pregunta no tiene identificador</translation>
    </message>
    <message>
        <source>it uses a “{name}”, which Tessera cannot import (only choice and text entry)</source>
        <translation>usa un «{name}», que Tessera no puede importar (solo opción y respuesta escrita)</translation>
    </message>
    <message>
        <source>it has no choice or text-entry interaction</source>
        <translation>no tiene interacción de opción ni de respuesta escrita</translation>
    </message>
    <message>
        <source>it has more than one interaction; only single-question items can be imported</source>
        <translation>tiene más de una interacción; solo se pueden importar preguntas de una sola pregunta</translation>
    </message>
    <message>
        <source>its interaction points at a response “{rid}” that the item does not declare</source>
        <translation>su interacción apunta a una respuesta «{rid}» que la pregunta no declara</translation>
    </message>
    <message>
        <source>it has no question text</source>
        <translation>no tiene texto de pregunta</translation>
    </message>
    <message>
        <source>item “{ident}” in {where}</source>
        <translation>pregunta «{ident}» en {where}</translation>
    </message>
    <message>
        <source>Could not import {who}: {exc}. Nothing was imported.</source>
        <translation>No se pudo importar {who}: {exc}. No se importó nada.</translation>
    </message>
    <message>
        <source>one of its choices has no identifier</source>
        <translation>una de sus opciones no tiene identificador</translation>
    </message>
    <message>
        <source>its choice “{ident}” has no text</source>
        <translation>su opción «{ident}» no tiene texto</translation>
    </message>
    <message>
        <source>it has no item body</source>
        <translation>no tiene cuerpo de pregunta</translation>
    </message>
    <message>
        <source>it has more than one item body</source>
        <translation>tiene más de un cuerpo de pregunta</translation>
    </message>
    <message>
        <source>“{item}” in {name}</source>
        <translation>«{item}» en {name}</translation>
    </message>
    <message>
        <source>Could not import {who}: {why}. Nothing was imported.</source>
        <translation>No se pudo importar {who}: {why}. No se importó nada.</translation>
    </message>
    <message>
        <source>it has more than {MAX_ENTRIES:,} files</source>
        <translation>tiene más de {MAX_ENTRIES:,} archivos</translation>
    </message>
    <message>
        <source>its file “{v}” is larger than {v2} MB</source>
        <translation>su archivo «{v}» pesa más de {v2} MB</translation>
    </message>
    <message>
        <source>its imsmanifest.xml is not an IMS manifest</source>
        <translation>su imsmanifest.xml no es un manifiesto IMS</translation>
    </message>
    <message>
        <source>its manifest points at “{v}”, which is outside the package</source>
        <translation>su manifiesto apunta a «{v}», que está fuera del paquete</translation>
    </message>
    <message>
        <source>the package is larger than {v} MB</source>
        <translation>el paquete pesa más de {v} MB</translation>
    </message>
    <message>
        <source>it contains a file named “{v}”, which points outside the package</source>
        <translation>contiene un archivo llamado «{v}», que apunta fuera del paquete</translation>
    </message>
    <message>
        <source>it is password-protected</source>
        <translation>está protegido con contraseña</translation>
    </message>
    <message>
        <source>it unpacks to more than {v} MB</source>
        <translation>se descomprime en más de {v} MB</translation>
    </message>
    <message>
        <source>its file “{v}” is compressed suspiciously well (a zip bomb?)</source>
        <translation>su archivo «{v}» está comprimido de forma sospechosa (¿una bomba zip?)</translation>
    </message>
    <message>
        <source>its file “{v}” could not be unpacked ({exc})</source>
        <translation>su archivo «{v}» no se pudo descomprimir ({exc})</translation>
    </message>
    <message>
        <source>its file “{v}” is damaged ({name})</source>
        <translation>su archivo «{v}» está dañado ({name})</translation>
    </message>
    <message>
        <source>its imsmanifest.xml cannot be used: {exc}</source>
        <translation>su imsmanifest.xml no se puede usar: {exc}</translation>
    </message>
    <message>
        <source>it is not a readable zip file ({exc})</source>
        <translation>no es un archivo zip legible ({exc})</translation>
    </message>
    <message>
        <source>it is not a QTI content package (there is no imsmanifest.xml at the top)</source>
        <translation>no es un paquete de contenido QTI (no hay imsmanifest.xml en la raíz)</translation>
    </message>
    <message>
        <source>its manifest lists no QTI items</source>
        <translation>su manifiesto no incluye preguntas QTI</translation>
    </message>
    <message>
        <source>it lists more than {MAX_ITEMS:,} items</source>
        <translation>incluye más de {MAX_ITEMS:,} preguntas</translation>
    </message>
    <message>
        <source>its manifest lists item resource “{ident}” without a file</source>
        <translation>su manifiesto incluye el recurso de pregunta «{ident}» sin archivo</translation>
    </message>
    <message>
        <source>its manifest lists “{v}”, but that file is not in the package</source>
        <translation>su manifiesto incluye «{v}», pero ese archivo no está en el paquete</translation>
    </message>
    <message>
        <source>the identifier is also used by {v}</source>
        <translation>el identificador también lo usa {v}</translation>
    </message>
    <message>
        <source>Could not import {name}: the file is larger than {v} MB. Nothing was imported.</source>
        <translation>No se pudo importar {name}: el archivo pesa más de {v} MB. No se importó nada.</translation>
    </message>
    <message>
        <source>its XML is nested more than {MAX_DEPTH} levels deep</source>
        <translation>su XML tiene más de {MAX_DEPTH} niveles de anidación</translation>
    </message>
    <message>
        <source>it has more than {MAX_TEXT:,} characters of text</source>
        <translation>tiene más de {MAX_TEXT:,} caracteres de texto</translation>
    </message>
    <message>
        <source>the file is larger than {v} MB</source>
        <translation>el archivo pesa más de {v} MB</translation>
    </message>
    <message>
        <source>it is not an XML file</source>
        <translation>no es un archivo XML</translation>
    </message>
    <message>
        <source>it declares a DTD or entities, which are not allowed for safety</source>
        <translation>declara una DTD o entidades, que no se permiten por seguridad</translation>
    </message>
    <message>
        <source>its XML is not well formed ({exc})</source>
        <translation>su XML no está bien formado ({exc})</translation>
    </message>
    <message>
        <source>its XML could not be read ({name})</source>
        <translation>no se pudo leer su XML ({name})</translation>
    </message>
    <message>
        <source>Reading saved estimates</source>
        <translation>Leyendo las estimaciones guardadas</translation>
    </message>
    <message>
        <source>Saving the new estimates</source>
        <translation>Guardando las nuevas estimaciones</translation>
    </message>
    <message>
        <source>Replaying answers</source>
        <translation>Repasando las respuestas</translation>
    </message>
    <message>
        <source>Right!</source>
        <translation>¡Correcto!</translation>
    </message>
    <message>
        <source>Yes, that&apos;s it.</source>
        <translation>Sí, eso es.</translation>
    </message>
    <message>
        <source>Correct.</source>
        <translation>Correcto.</translation>
    </message>
    <message>
        <source>Well done.</source>
        <translation>Bien hecho.</translation>
    </message>
    <message>
        <source>Practice is for students: sign in as the student to practise.</source>
        <translation>La práctica es para estudiantes: inicia sesión como el estudiante para practicar.</translation>
    </message>
    <message>
        <source>You can only practise as yourself.</source>
        <translation>Solo puedes practicar como tú mismo.</translation>
    </message>
    <message>
        <source>{join} has no questions yet, so today&apos;s practice works on your other skills.</source>
        <translation>{join} aún no tiene preguntas, así que la práctica de hoy trabaja en tus otras habilidades.</translation>
    </message>
    <message>
        <source>Not quite: the answer is {expected}.</source>
        <translation>Casi: la respuesta es {expected}.</translation>
    </message>
    <message>
        <source>No questions answered this time.</source>
        <translation>Esta vez no respondiste preguntas.</translation>
    </message>
    <message>
        <source>A practice session has 1 to 50 questions.</source>
        <translation>Una sesión de práctica tiene de 1 a 50 preguntas.</translation>
    </message>
    <message>
        <source>There are no practice questions yet. Ask your teacher to add some.</source>
        <translation>Aún no hay preguntas de práctica. Pídele a tu docente que agregue algunas.</translation>
    </message>
    <message>
        <source>This practice session has ended. Start a new one.</source>
        <translation>Esta sesión de práctica terminó. Empieza una nueva.</translation>
    </message>
    <message>
        <source>That question is not the one on screen any more. Answer the current question.</source>
        <translation>Esa pregunta ya no es la que está en pantalla. Responde la pregunta actual.</translation>
    </message>
    <message>
        <source>All {n_} right. Brilliant work!</source>
        <translation>¡Todas correctas ({n_})! Excelente trabajo.</translation>
    </message>
    <message>
        <source>There are no questions for “{name}” yet. Ask your teacher to add some, or practise another skill.</source>
        <translation>Aún no hay preguntas para «{name}». Pídele a tu docente que agregue algunas, o practica otra habilidad.</translation>
    </message>
    <message>
        <source>There are no other questions to practise right now. Ask your teacher to add some.</source>
        <translation>No hay otras preguntas para practicar ahora. Pídele a tu docente que agregue algunas.</translation>
    </message>
    <message>
        <source>You mastered {name}!</source>
        <translation>¡Dominaste {name}!</translation>
    </message>
    <message>
        <source>{right} of {n_} right. Good work: these questions were chosen to stretch you.</source>
        <translation>{right} de {n_} correctas. Buen trabajo: estas preguntas se eligieron para retarte.</translation>
    </message>
    <message>
        <source>{right} of {n_} right. Tricky ones today; the hints show the way, and practice makes them easier.</source>
        <translation>{right} de {n_} correctas. Hoy tocaron preguntas difíciles; las pistas muestran el camino, y con práctica se vuelven más fáciles.</translation>
    </message>
    <message>
        <source>Only a school leader can do that.</source>
        <translation>Solo un directivo de la escuela puede hacer eso.</translation>
    </message>
    <message>
        <source>Only the school&apos;s staff can do that.</source>
        <translation>Solo el personal de la escuela puede hacer eso.</translation>
    </message>
    <message>
        <source>There is no skill {skill_id} in the draft.</source>
        <translation>No hay ninguna habilidad {skill_id} en el borrador.</translation>
    </message>
    <message>
        <source>An id is 1 to 80 letters, digits, dots, dashes, colons or underscores.</source>
        <translation>Un id tiene de 1 a 80 letras, dígitos, puntos, guiones, dos puntos o guiones bajos.</translation>
    </message>
    <message>
        <source>There is no domain {domain_id} in the draft.</source>
        <translation>No hay ningún dominio {domain_id} en el borrador.</translation>
    </message>
    <message>
        <source>A skill needs a name.</source>
        <translation>Una habilidad necesita un nombre.</translation>
    </message>
    <message>
        <source>A prerequisite must be another skill of the framework: {names}</source>
        <translation>Un requisito previo debe ser otra habilidad del marco: {names}</translation>
    </message>
    <message>
        <source>That would make the skill a prerequisite of itself (a loop).</source>
        <translation>Eso haría que la habilidad sea requisito previo de sí misma (un ciclo).</translation>
    </message>
    <message>
        <source>The domain id {domain_id} is taken.</source>
        <translation>El id de dominio {domain_id} ya está en uso.</translation>
    </message>
    <message>
        <source>The skill id {skill_id} is taken (or the name is empty).</source>
        <translation>El id de habilidad {skill_id} ya está en uso (o el nombre está vacío).</translation>
    </message>
    <message>
        <source>A split makes at least two skills.</source>
        <translation>Una división crea al menos dos habilidades.</translation>
    </message>
    <message>
        <source>Each part needs its own id.</source>
        <translation>Cada parte necesita su propio id.</translation>
    </message>
    <message>
        <source>The skill id {pid} is taken (or the name is empty).</source>
        <translation>El id de habilidad {pid} ya está en uso (o el nombre está vacío).</translation>
    </message>
    <message>
        <source>A school&apos;s own skill needs a code and a name.</source>
        <translation>Una habilidad propia de la escuela necesita un código y un nombre.</translation>
    </message>
    <message>
        <source>Say the school&apos;s wording.</source>
        <translation>Escribe la redacción de la escuela.</translation>
    </message>
    <message>
        <source>That version of the framework has not been published here.</source>
        <translation>Esa versión del marco no se ha publicado aquí.</translation>
    </message>
    <message>
        <source>Version {version} has no domain {domain_id}.</source>
        <translation>La versión {version} no tiene el dominio {domain_id}.</translation>
    </message>
    <message>
        <source>Adopt the shared skill&apos;s domain first.</source>
        <translation>Primero adopta el dominio de la habilidad compartida.</translation>
    </message>
    <message>
        <source>The code {code} is taken.</source>
        <translation>El código {code} ya está en uso.</translation>
    </message>
    <message>
        <source>Challenge</source>
        <translation>Desafío</translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation>Rúbrica</translation>
    </message>
    <message>
        <source>Question set</source>
        <translation>Conjunto de preguntas</translation>
    </message>
    <message>
        <source>That is no longer in the library.</source>
        <translation>Eso ya no está en la biblioteca.</translation>
    </message>
    <message>
        <source>The library holds writing tasks, challenges, rubrics and question sets.</source>
        <translation>La biblioteca guarda tareas de escritura, desafíos, rúbricas y conjuntos de preguntas.</translation>
    </message>
    <message>
        <source>That cannot be shared as it is.</source>
        <translation>Eso no se puede compartir tal como está.</translation>
    </message>
    <message>
        <source>A shared {kind} needs {fields}.</source>
        <translation>Un elemento compartido ({kind}) necesita {fields}.</translation>
    </message>
    <message>
        <source>Give what you share a title.</source>
        <translation>Ponle un título a lo que compartes.</translation>
    </message>
    <message>
        <source>Only a teacher running this challenge can share it.</source>
        <translation>Solo un docente que dirige este desafío puede compartirlo.</translation>
    </message>
    <message>
        <source>Only a teacher can copy into a class.</source>
        <translation>Solo un docente puede copiar en una clase.</translation>
    </message>
    <message>
        <source>You have not copied this yet.</source>
        <translation>Todavía no has copiado esto.</translation>
    </message>
    <message>
        <source>A shared {kind} has at most {limit} {key}.</source>
        <translation>Un elemento compartido ({kind}) tiene como máximo {limit} {key}.</translation>
    </message>
    <message>
        <source>Only the teacher who shared it can improve it.</source>
        <translation>Solo el docente que lo compartió puede mejorarlo.</translation>
    </message>
    <message>
        <source>Only the teacher who shared it (or a leader) can take it out of the library.</source>
        <translation>Solo el docente que lo compartió (o un directivo) puede sacarlo de la biblioteca.</translation>
    </message>
    <message>
        <source>That belongs to another school&apos;s library.</source>
        <translation>Eso pertenece a la biblioteca de otra escuela.</translation>
    </message>
    <message>
        <source>Each checkpoint needs a title and a day.</source>
        <translation>Cada punto de control necesita un título y un día.</translation>
    </message>
    <message>
        <source>Each question needs a prompt.</source>
        <translation>Cada pregunta necesita un enunciado.</translation>
    </message>
    <message>
        <source>Plans on track</source>
        <translation>Planes al día</translation>
    </message>
    <message>
        <source>Practice a week</source>
        <translation>Práctica por semana</translation>
    </message>
    <message>
        <source>Writing feedback within</source>
        <translation>Retroalimentación de escritura en</translation>
    </message>
    <message>
        <source>days</source>
        <translation>días</translation>
    </message>
    <message>
        <source>Challenge checkpoints done</source>
        <translation>Puntos de control de desafíos hechos</translation>
    </message>
    <message>
        <source>Pick one of the school&apos;s measures.</source>
        <translation>Elige uno de los indicadores de la escuela.</translation>
    </message>
    <message>
        <source>Say which term, such as 2026-T1.</source>
        <translation>Indica el periodo, por ejemplo 2026-T1.</translation>
    </message>
    <message>
        <source>A target is a number from 0 to 10000.</source>
        <translation>Un objetivo es un número de 0 a 10000.</translation>
    </message>
    <message>
        <source>A note is kept private, shared with the class&apos;s teachers, or with leaders too.</source>
        <translation>Una nota es privada, se comparte con los docentes de la clase, o también con los directivos.</translation>
    </message>
    <message>
        <source>A note can be at most {limit} characters.</source>
        <translation>Una nota puede tener como máximo {limit} caracteres.</translation>
    </message>
    <message>
        <source>This student is not in that class.</source>
        <translation>Este estudiante no está en esa clase.</translation>
    </message>
    <message>
        <source>That note no longer exists.</source>
        <translation>Esa nota ya no existe.</translation>
    </message>
    <message>
        <source>Only the teacher who wrote a note can change it.</source>
        <translation>Solo el docente que escribió una nota puede cambiarla.</translation>
    </message>
    <message>
        <source>Grade {g}</source>
        <translation>Grado {g}</translation>
    </message>
    <message>
        <source>No grade</source>
        <translation>Sin grado</translation>
    </message>
    <message>
        <source>Say which school.</source>
        <translation>Indica qué escuela.</translation>
    </message>
    <message>
        <source>A member of staff is a teacher or a leader.</source>
        <translation>Un miembro del personal es docente o directivo.</translation>
    </message>
    <message>
        <source>Please fill in a name.</source>
        <translation>Escribe un nombre.</translation>
    </message>
    <message>
        <source>Only the school&apos;s staff can see its staff.</source>
        <translation>Solo el personal de la escuela puede ver a su personal.</translation>
    </message>
    <message>
        <source>That class no longer exists.</source>
        <translation>Esa clase ya no existe.</translation>
    </message>
    <message>
        <source>That teacher is not on the school&apos;s staff.</source>
        <translation>Ese docente no es parte del personal de la escuela.</translation>
    </message>
    <message>
        <source>A co-teacher must be on the same school&apos;s staff.</source>
        <translation>Un docente colaborador debe ser del personal de la misma escuela.</translation>
    </message>
    <message>
        <source>Give the team a name.</source>
        <translation>Ponle un nombre al equipo.</translation>
    </message>
    <message>
        <source>Teams across classes are for school-wide and grade challenges.</source>
        <translation>Los equipos entre clases son para desafíos de toda la escuela o de un grado.</translation>
    </message>
    <message>
        <source>This team is not open to that class.</source>
        <translation>Este equipo no está abierto a esa clase.</translation>
    </message>
    <message>
        <source>You can put only your own class&apos;s students on a team.</source>
        <translation>Solo puedes poner en un equipo a estudiantes de tu propia clase.</translation>
    </message>
    <message>
        <source>None of your students is on this team.</source>
        <translation>Ninguno de tus estudiantes está en este equipo.</translation>
    </message>
    <message>
        <source>A framework needs a list of domains.</source>
        <translation>Un marco necesita una lista de dominios.</translation>
    </message>
    <message>
        <source>A framework can have at most {limit} skills.</source>
        <translation>Un marco puede tener como máximo {limit} habilidades.</translation>
    </message>
    <message>
        <source>Say where each changed skill&apos;s evidence goes.</source>
        <translation>Indica a dónde va la evidencia de cada habilidad cambiada.</translation>
    </message>
    <message>
        <source>Each domain needs an id and a list of skills.</source>
        <translation>Cada dominio necesita un id y una lista de habilidades.</translation>
    </message>
    <message>
        <source>The domain id {id} is used twice.</source>
        <translation>El id de dominio {id} se usa dos veces.</translation>
    </message>
    <message>
        <source>The skill {old} is mapped to a skill that is not in the new version.</source>
        <translation>La habilidad {old} apunta a una habilidad que no está en la versión nueva.</translation>
    </message>
    <message>
        <source>Say where the evidence of these skills goes (or retire them): {names}</source>
        <translation>Indica a dónde va la evidencia de estas habilidades (o retíralas): {names}</translation>
    </message>
    <message>
        <source>The mapping names skills the previous version does not have: {names}</source>
        <translation>La correspondencia menciona habilidades que la versión anterior no tiene: {names}</translation>
    </message>
    <message>
        <source>Each skill needs an id and a name.</source>
        <translation>Cada habilidad necesita un id y un nombre.</translation>
    </message>
    <message>
        <source>The skill id {id} is used twice.</source>
        <translation>El id de habilidad {id} se usa dos veces.</translation>
    </message>
    <message>
        <source>The skill {id} names a prerequisite that is not in the framework.</source>
        <translation>La habilidad {id} menciona un requisito previo que no está en el marco.</translation>
    </message>
    <message>
        <source>The skill framework file {name} could not be read: {exc}</source>
        <translation>No se pudo leer el archivo del marco de habilidades {name}: {exc}</translation>
    </message>
    <message>
        <source>Synced rows are archived or tombstoned, not deleted.</source>
        <translation>Las filas sincronizadas se archivan o se marcan como borradas, no se eliminan.</translation>
    </message>
    <message>
        <source>{tablename} entries cannot be changed once written.</source>
        <translation>Las entradas de {tablename} no se pueden cambiar una vez escritas.</translation>
    </message>
    <message>
        <source>The class data file is damaged and cannot be opened.</source>
        <translation>El archivo de datos de la clase está dañado y no se puede abrir.</translation>
    </message>
    <message>
        <source>Tessera&apos;s data file {path} is a folder, not a file: move it away and restart.</source>
        <translation>El archivo de datos de Tessera {path} es una carpeta, no un archivo: muévela a otro lugar y reinicia.</translation>
    </message>
    <message>
        <source>The class data file is empty: its contents were lost.</source>
        <translation>El archivo de datos de la clase está vacío: su contenido se perdió.</translation>
    </message>
    <message>
        <source>Tessera cannot save in {folder}: {v}. Check that the folder exists, is not read-only and the disk is not full.</source>
        <translation>Tessera no puede guardar en {folder}: {v}. Revisa que la carpeta exista, que no sea de solo lectura y que el disco no esté lleno.</translation>
    </message>
    <message>
        <source>The class data file is read-only; Tessera cannot save changes.</source>
        <translation>El archivo de datos de la clase es de solo lectura; Tessera no puede guardar cambios.</translation>
    </message>
    <message>
        <source>The disk is full; free some space and start Tessera again.</source>
        <translation>El disco está lleno; libera espacio y vuelve a abrir Tessera.</translation>
    </message>
    <message>
        <source>The disk is full: your last change was not saved. Free some space.</source>
        <translation>El disco está lleno: tu último cambio no se guardó. Libera espacio.</translation>
    </message>
    <message>
        <source>The data folder is read-only: your last change was not saved.</source>
        <translation>La carpeta de datos es de solo lectura: tu último cambio no se guardó.</translation>
    </message>
    <message>
        <source>The data folder stopped answering: your last change was not saved.</source>
        <translation>La carpeta de datos dejó de responder: tu último cambio no se guardó.</translation>
    </message>
    <message>
        <source>This data was saved by a newer version of Tessera. Please update Tessera on this computer; nothing has been changed.</source>
        <translation>Estos datos se guardaron con una versión más nueva de Tessera. Actualiza Tessera en esta computadora; no se cambió nada.</translation>
    </message>
    <message>
        <source>There is no backup to restore yet.</source>
        <translation>Aún no hay una copia de seguridad para restaurar.</translation>
    </message>
    <message>
        <source>database was copied or restored</source>
        <translation>la base de datos se copió o se restauró</translation>
    </message>
    <message>
        <source>database was cloned onto another machine</source>
        <translation>la base de datos se clonó en otra computadora</translation>
    </message>
    <message>
        <source>Your work is safe on this computer.</source>
        <translation>Tu trabajo está a salvo en esta computadora.</translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>en %n minuto</numerusform>
            <numerusform>en %n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>Tessera will try again {in_words}.</source>
        <translation>Tessera lo intentará otra vez {in_words}.</translation>
    </message>
    <message>
        <source>Sync did not finish because of an unexpected problem. {again} Your work is safe on this computer; if this keeps happening, ask your IT admin to look at Tessera&apos;s log.</source>
        <translation>La sincronización no terminó por un problema inesperado. {again} Tu trabajo está a salvo en esta computadora; si esto sigue pasando, pide al administrador de informática que revise el registro de Tessera.</translation>
    </message>
    <message numerus="yes">
        <source>in %n second(s)</source>
        <translation>
            <numerusform>en %n segundo</numerusform>
            <numerusform>en %n segundos</numerusform>
        </translation>
    </message>
    <message>
        <source>The school share</source>
        <translation>La carpeta compartida de la escuela</translation>
    </message>
    <message>
        <source>The sync folder</source>
        <translation>La carpeta de sincronización</translation>
    </message>
    <message>
        <source>There is no space left to write to {place}. {again} Your work is safe on this computer; ask your IT admin to free some space.</source>
        <translation>No queda espacio para escribir en {place}. {again} Tu trabajo está a salvo en esta computadora; pide al administrador de informática que libere espacio.</translation>
    </message>
    <message>
        <source>{place} is read-only, so Tessera cannot write to it. {again} Your work is safe on this computer; ask your IT admin to make the folder writable.</source>
        <translation>{place} es de solo lectura, así que Tessera no puede escribir en ella. {again} Tu trabajo está a salvo en esta computadora; pide al administrador de informática que permita escribir en la carpeta.</translation>
    </message>
    <message>
        <source>Tessera may not write to {place}. {again} Your work is safe on this computer; ask your IT admin to check the folder&apos;s permissions.</source>
        <translation>Tessera no tiene permiso para escribir en {place}. {again} Tu trabajo está a salvo en esta computadora; pide al administrador de informática que revise los permisos de la carpeta.</translation>
    </message>
    <message>
        <source>A file in {place} went missing while Tessera was using it (another computer may have tidied it up). {again} {SAFE}</source>
        <translation>Un archivo en {place} desapareció mientras Tessera lo usaba (quizá otra computadora lo ordenó). {again} {SAFE}</translation>
    </message>
    <message>
        <source>{place} took too long to answer; the network may be slow. {again} {SAFE}</source>
        <translation>{place} tardó demasiado en responder; puede que la red esté lenta. {again} {SAFE}</translation>
    </message>
    <message>
        <source>Tessera could not use {place}. {again} Your work is safe on this computer; if this keeps happening, ask your IT admin to check the folder.</source>
        <translation>Tessera no pudo usar {place}. {again} Tu trabajo está a salvo en esta computadora; si esto sigue pasando, pide al administrador de informática que revise la carpeta.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) in the sync folder were incomplete or damaged and were skipped; Tessera will pick them up when they are whole.</source>
        <translation>
            <numerusform>%n archivo de la carpeta de sincronización estaba incompleto o dañado y se omitió; Tessera lo tomará cuando esté completo.</numerusform>
            <numerusform>%n archivos de la carpeta de sincronización estaban incompletos o dañados y se omitieron; Tessera los tomará cuando estén completos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Some changes in %n file(s) from other computers could not be applied and were set aside; everything else was applied. Tessera&apos;s log names them for your IT admin.</source>
        <translation>
            <numerusform>Algunos cambios de %n archivo de otras computadoras no se pudieron aplicar y se apartaron; todo lo demás se aplicó. El registro de Tessera los nombra para el administrador de informática.</numerusform>
            <numerusform>Algunos cambios de %n archivos de otras computadoras no se pudieron aplicar y se apartaron; todo lo demás se aplicó. El registro de Tessera los nombra para el administrador de informática.</numerusform>
        </translation>
    </message>
    <message>
        <source>{place} could not be reached. Tessera will try again {in_words}. {SAFE}</source>
        <translation>No se pudo llegar a {place}. Tessera lo intentará otra vez {in_words}. {SAFE}</translation>
    </message>
    <message>
        <source>{exc} Tessera will try again {in_words}.</source>
        <translation>{exc} Tessera lo intentará otra vez {in_words}.</translation>
    </message>
    <message>
        <source>{exc} Tessera will try again {in_words}. {SAFE}</source>
        <translation>{exc} Tessera lo intentará otra vez {in_words}. {SAFE}</translation>
    </message>
    <message>
        <source>change {seq}: {why}</source>
        <translation>cambio {seq}: {why}</translation>
    </message>
    <message>
        <source>a required value is missing</source>
        <translation>falta un valor obligatorio</translation>
    </message>
    <message>
        <source>not a plain file (a link, pipe or device); ignored</source>
        <translation>no es un archivo común (un enlace, una tubería o un dispositivo); se ignora</translation>
    </message>
    <message>
        <source>too large to be a Tessera batch</source>
        <translation>demasiado grande para ser un lote de Tessera</translation>
    </message>
    <message>
        <source>could not be read ({exc})</source>
        <translation>no se pudo leer ({exc})</translation>
    </message>
    <message>
        <source>truncated (the file is incomplete)</source>
        <translation>truncado (el archivo está incompleto)</translation>
    </message>
    <message>
        <source>damaged (not a valid compressed file)</source>
        <translation>dañado (no es un archivo comprimido válido)</translation>
    </message>
    <message>
        <source>damaged (unreadable header)</source>
        <translation>dañado (encabezado ilegible)</translation>
    </message>
    <message>
        <source>damaged (extra data after the end)</source>
        <translation>dañado (datos extra después del final)</translation>
    </message>
    <message>
        <source>truncated (no footer)</source>
        <translation>truncado (sin pie)</translation>
    </message>
    <message>
        <source>damaged (checksum does not match)</source>
        <translation>dañado (la suma de verificación no coincide)</translation>
    </message>
    <message>
        <source>damaged (no header)</source>
        <translation>dañado (sin encabezado)</translation>
    </message>
    <message>
        <source>damaged (contents do not match its name)</source>
        <translation>dañado (el contenido no coincide con su nombre)</translation>
    </message>
    <message>
        <source>written by a newer Tessera (format version); update Tessera to read it</source>
        <translation>escrito por una versión más nueva de Tessera (versión de formato); actualiza Tessera para leerlo</translation>
    </message>
    <message>
        <source>not a Tessera batch</source>
        <translation>no es un lote de Tessera</translation>
    </message>
    <message>
        <source>could not be read ({v})</source>
        <translation>no se pudo leer ({v})</translation>
    </message>
    <message>
        <source>damaged (sequence numbers out of order)</source>
        <translation>dañado (números de secuencia fuera de orden)</translation>
    </message>
    <message>
        <source>it is not valid text (UTF-8)</source>
        <translation>no es texto válido (UTF-8)</translation>
    </message>
    <message>
        <source>not a change line</source>
        <translation>no es una línea de cambio</translation>
    </message>
    <message>
        <source>bad metadata: a number out of range</source>
        <translation>metadatos incorrectos: un número fuera de rango</translation>
    </message>
    <message>
        <source>its time stamp {v!r} is not valid</source>
        <translation>su marca de tiempo {v!r} no es válida</translation>
    </message>
    <message>
        <source>fields of {replica_id}/{seq} are not an object</source>
        <translation>los campos de {replica_id}/{seq} no son un objeto</translation>
    </message>
    <message>
        <source>bad metadata: {exc}</source>
        <translation>metadatos incorrectos: {exc}</translation>
    </message>
    <message>
        <source>That earlier value is no longer in the archive.</source>
        <translation>Ese valor anterior ya no está en el archivo histórico.</translation>
    </message>
    <message>
        <source>This value cannot be restored.</source>
        <translation>Este valor no se puede restaurar.</translation>
    </message>
    <message>
        <source>The record this value belonged to no longer exists.</source>
        <translation>El registro al que pertenecía este valor ya no existe.</translation>
    </message>
    <message>
        <source>not a Tessera sync file</source>
        <translation>no es un archivo de sincronización de Tessera</translation>
    </message>
    <message>
        <source>The sync folder {folder} could not be reached ({v}).</source>
        <translation>No se pudo llegar a la carpeta de sincronización {folder} ({v}).</translation>
    </message>
    <message>
        <source>temporary file (still being written, or left by an interrupted copy)</source>
        <translation>archivo temporal (todavía se está escribiendo, o lo dejó una copia interrumpida)</translation>
    </message>
    <message>
        <source>renamed or unknown batch file</source>
        <translation>archivo de lote renombrado o desconocido</translation>
    </message>
    <message>
        <source>Tessera cannot write to the sync folder {folder}: it is read-only or you do not have permission.</source>
        <translation>Tessera no puede escribir en la carpeta de sincronización {folder}: es de solo lectura o no tienes permiso.</translation>
    </message>
    <message>
        <source>The sync folder {folder} is full.</source>
        <translation>La carpeta de sincronización {folder} está llena.</translation>
    </message>
    <message>
        <source>a copy made by a file-sync program (conflicted copy); the original is used</source>
        <translation>una copia hecha por un programa de sincronización de archivos (copia en conflicto); se usa el original</translation>
    </message>
    <message>
        <source>The sync folder {folder} could not be reached.</source>
        <translation>No se pudo llegar a la carpeta de sincronización {folder}.</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>demasiado grande</translation>
    </message>
    <message>
        <source>The sync folder {folder} could not be reached ({exc}).</source>
        <translation>No se pudo llegar a la carpeta de sincronización {folder} ({exc}).</translation>
    </message>
    <message>
        <source>could not be listed ({v})</source>
        <translation>no se pudo listar ({v})</translation>
    </message>
    <message>
        <source>damaged or incomplete</source>
        <translation>dañado o incompleto</translation>
    </message>
    <message>
        <source>Another sync is already running on this computer; Tessera will try again.</source>
        <translation>Ya hay otra sincronización en curso en esta computadora; Tessera lo intentará otra vez.</translation>
    </message>
    <message>
        <source>change(s) in it could not be applied and were set aside</source>
        <translation>cambio(s) que no se pudieron aplicar y se apartaron</translation>
    </message>
    <message>
        <source>{set_aside} {SET_ASIDE} ({shown}{more}); the rest of the file was applied</source>
        <translation>{set_aside} {SET_ASIDE} ({shown}{more}); el resto del archivo se aplicó</translation>
    </message>
    <message>
        <source>; and {v} more</source>
        <translation>; y {v} más</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused and kept aside: {words}</source>
        <translation>
            <numerusform>%n cambio rechazado y apartado: {words}</numerusform>
            <numerusform>%n cambios rechazados y apartados: {words}</numerusform>
        </translation>
    </message>
    <message>
        <source>Learning plan</source>
        <translation>Plan de aprendizaje</translation>
    </message>
    <message>
        <source>Goal evidence</source>
        <translation>Evidencia de la meta</translation>
    </message>
    <message>
        <source>Team checkpoint</source>
        <translation>Punto de control del equipo</translation>
    </message>
    <message>
        <source>Team log</source>
        <translation>Bitácora del equipo</translation>
    </message>
    <message>
        <source>Rubric score</source>
        <translation>Puntaje de la rúbrica</translation>
    </message>
    <message>
        <source>Practice question</source>
        <translation>Pregunta de práctica</translation>
    </message>
    <message>
        <source>Practice answer</source>
        <translation>Respuesta de práctica</translation>
    </message>
    <message>
        <source>Practice focus</source>
        <translation>Enfoque de práctica</translation>
    </message>
    <message>
        <source>Writing task</source>
        <translation>Tarea de escritura</translation>
    </message>
    <message>
        <source>That file reference is not valid.</source>
        <translation>Esa referencia de archivo no es válida.</translation>
    </message>
    <message>
        <source>The file {file} in the sync folder is {reason}.</source>
        <translation>El archivo {file} de la carpeta de sincronización está {reason}.</translation>
    </message>
    <message>
        <source>Tessera needs the school key&apos;s fingerprint to trust the school server: set school_key in the machine policy (the installer&apos;s SCHOOLKEY).</source>
        <translation>Tessera necesita la huella de la clave de la escuela para confiar en el servidor de la escuela: define school_key en la política del equipo (SCHOOLKEY en el instalador).</translation>
    </message>
    <message>
        <source>This computer&apos;s key cannot be read, so it cannot sign in to the school server.</source>
        <translation>No se puede leer la clave de esta computadora, así que no puede conectarse al servidor de la escuela.</translation>
    </message>
    <message>
        <source>The server address {url!r} is not a web address (https://...).</source>
        <translation>La dirección del servidor {url!r} no es una dirección web (https://...).</translation>
    </message>
    <message>
        <source>The school server must be reached over HTTPS (plain http only on this computer).</source>
        <translation>Al servidor de la escuela hay que conectarse por HTTPS (http simple solo en esta computadora).</translation>
    </message>
    <message>
        <source>The school server sent an answer Tessera cannot read.</source>
        <translation>El servidor de la escuela envió una respuesta que Tessera no puede leer.</translation>
    </message>
    <message>
        <source>This server does not belong to this computer&apos;s school (its school key differs).</source>
        <translation>Este servidor no pertenece a la escuela de esta computadora (su clave de escuela es distinta).</translation>
    </message>
    <message>
        <source>This server could not prove it holds the school key: it is not the school&apos;s server.</source>
        <translation>Este servidor no pudo demostrar que tiene la clave de la escuela: no es el servidor de la escuela.</translation>
    </message>
    <message>
        <source>The school server refused this computer: {why}</source>
        <translation>El servidor de la escuela rechazó esta computadora: {why}</translation>
    </message>
    <message>
        <source>The school server had a problem ({status}); try again later.</source>
        <translation>El servidor de la escuela tuvo un problema ({status}); inténtalo más tarde.</translation>
    </message>
    <message>
        <source>The school server refused the request: {why}</source>
        <translation>El servidor de la escuela rechazó la solicitud: {why}</translation>
    </message>
    <message>
        <source>That trust document is not readable.</source>
        <translation>Ese documento de confianza no se puede leer.</translation>
    </message>
    <message>
        <source>The school server is busy; Tessera will try again shortly.</source>
        <translation>El servidor de la escuela está ocupado; Tessera lo intentará de nuevo en breve.</translation>
    </message>
    <message>
        <source>The school server&apos;s certificate is not trusted ({reason}).</source>
        <translation>El certificado del servidor de la escuela no es de confianza ({reason}).</translation>
    </message>
    <message>
        <source>The school server cannot be reached ({exc}).</source>
        <translation>No se puede conectar con el servidor de la escuela ({exc}).</translation>
    </message>
    <message>
        <source>The place {name} could not be reached.</source>
        <translation>No se pudo llegar al lugar {name}.</translation>
    </message>
    <message>
        <source>Tessera cannot write to {name}: it is read-only.</source>
        <translation>Tessera no puede escribir en {name}: es de solo lectura.</translation>
    </message>
    <message>
        <source>Comment on a draft</source>
        <translation>Comentario en un borrador</translation>
    </message>
    <message>
        <source>Word list</source>
        <translation>Lista de palabras</translation>
    </message>
    <message>
        <source>Class membership</source>
        <translation>Inscripción en la clase</translation>
    </message>
    <message>
        <source>Learning area</source>
        <translation>Área de aprendizaje</translation>
    </message>
    <message>
        <source>Teacher&apos;s notes</source>
        <translation>Notas del docente</translation>
    </message>
    <message>
        <source>Teacher&apos;s note</source>
        <translation>Nota del docente</translation>
    </message>
    <message>
        <source>Teacher&apos;s feedback</source>
        <translation>Comentarios del docente</translation>
    </message>
    <message>
        <source>About me</source>
        <translation>Sobre mí</translation>
    </message>
    <message>
        <source>How they like to learn</source>
        <translation>Cómo le gusta aprender</translation>
    </message>
    <message>
        <source>Why it matters</source>
        <translation>Por qué importa</translation>
    </message>
    <message>
        <source>Team members</source>
        <translation>Integrantes del equipo</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Fecha meta</translation>
    </message>
    <message>
        <source>Minutes a week</source>
        <translation>Minutos por semana</translation>
    </message>
    <message>
        <source>Own rating</source>
        <translation>Autoevaluación</translation>
    </message>
    <message>
        <source>Own reflection</source>
        <translation>Reflexión propia</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fecha de entrega</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Hecho el</translation>
    </message>
    <message>
        <source>Handed in</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Given back</source>
        <translation>Devuelto</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Apellido</translation>
    </message>
    <message>
        <source>Name shown</source>
        <translation>Nombre que se muestra</translation>
    </message>
    <message>
        <source>Target success rate</source>
        <translation>Tasa de aciertos objetivo</translation>
    </message>
    <message>
        <source>Draft text</source>
        <translation>Texto del borrador</translation>
    </message>
    <message>
        <source>Log entry</source>
        <translation>Entrada de la bitácora</translation>
    </message>
    <message>
        <source>You can only restore values in your own classes.</source>
        <translation>Solo puedes restaurar valores de tus propias clases.</translation>
    </message>
    <message>
        <source>Your school set the sync folder for this computer.</source>
        <translation>Tu escuela fijó la carpeta de sincronización para esta computadora.</translation>
    </message>
    <message>
        <source>the sync folder holds newer changes of this database</source>
        <translation>la carpeta de sincronización tiene cambios más nuevos de esta base de datos</translation>
    </message>
    <message>
        <source>That file is too big to sync (the limit is {mb} MB).</source>
        <translation>Ese archivo es demasiado grande para sincronizarlo (el límite es {mb} MB).</translation>
    </message>
    <message>
        <source>That file does not match its fingerprint (damaged or changed on the way).</source>
        <translation>Ese archivo no coincide con su huella (dañado o cambiado en el camino).</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>una lista</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objeto</translation>
    </message>
    <message>
        <source>{table}.{k} holds {kind}, which that column cannot hold</source>
        <translation>{table}.{k} contiene {kind}, que esa columna no puede contener</translation>
    </message>
    <message>
        <source>it names no row</source>
        <translation>no nombra ninguna fila</translation>
    </message>
    <message>
        <source>its fields are not readable (not a JSON object)</source>
        <translation>sus campos no se pueden leer (no es un objeto JSON)</translation>
    </message>
    <message>
        <source>{table}.{k} is empty but must have a value</source>
        <translation>{table}.{k} está vacío pero debe tener un valor</translation>
    </message>
    <message>
        <source>the school</source>
        <translation>la escuela</translation>
    </message>
    <message>
        <source>class {v}</source>
        <translation>clase {v}</translation>
    </message>
    <message>
        <source>a class</source>
        <translation>una clase</translation>
    </message>
    <message>
        <source>a person</source>
        <translation>una persona</translation>
    </message>
    <message>
        <source>every class</source>
        <translation>todas las clases</translation>
    </message>
    <message>
        <source>{len} class(es)</source>
        <translation>{len} clase(s)</translation>
    </message>
    <message>
        <source>no class yet</source>
        <translation>todavía sin clase</translation>
    </message>
    <message>
        <source>two different versions of the same changes were signed: that computer&apos;s data was put back from a backup or copied; it will send its changes again under a new name</source>
        <translation>se firmaron dos versiones distintas de los mismos cambios: los datos de esa computadora se recuperaron de una copia de seguridad o se copiaron; volverá a enviar sus cambios con un nombre nuevo</translation>
    </message>
    <message>
        <source>two versions of this database&apos;s changes are in the sync folder</source>
        <translation>hay dos versiones de los cambios de esta base de datos en la carpeta de sincronización</translation>
    </message>
    <message>
        <source>refused by the school&apos;s trust rules: </source>
        <translation>rechazado por las reglas de confianza de la escuela: </translation>
    </message>
    <message>
        <source>it comes from {v}, which was revoked</source>
        <translation>viene de {v}, que fue revocado</translation>
    </message>
    <message>
        <source>a lab machine may not move a record to another student</source>
        <translation>una computadora de laboratorio no puede pasar un registro a otro estudiante</translation>
    </message>
    <message>
        <source>this computer does not have its school&apos;s key yet</source>
        <translation>esta computadora todavía no tiene la clave de su escuela</translation>
    </message>
    <message>
        <source>it is not signed by any device</source>
        <translation>ningún dispositivo lo firmó</translation>
    </message>
    <message>
        <source>its signature is for other changes</source>
        <translation>su firma es de otros cambios</translation>
    </message>
    <message>
        <source>its changes were altered after they were signed</source>
        <translation>sus cambios se alteraron después de firmarse</translation>
    </message>
    <message>
        <source>its signature is not valid</source>
        <translation>su firma no es válida</translation>
    </message>
    <message>
        <source>it comes from a device this school does not know</source>
        <translation>viene de un dispositivo que esta escuela no conoce</translation>
    </message>
    <message>
        <source>the certificate of {v} has expired</source>
        <translation>el certificado de {v} venció</translation>
    </message>
    <message>
        <source>a lab machine signed changes under another device&apos;s name</source>
        <translation>una computadora de laboratorio firmó cambios con el nombre de otro dispositivo</translation>
    </message>
    <message>
        <source>this computer does not hold the school&apos;s data key yet (it is sent with the approval of its enrolment)</source>
        <translation>esta computadora aún no tiene la clave de datos de la escuela (se envía al aprobar su inscripción)</translation>
    </message>
    <message>
        <source>its time stamp is more than 5 minutes ahead of this computer&apos;s clock</source>
        <translation>su marca de tiempo va más de 5 minutos adelantada respecto del reloj de esta computadora</translation>
    </message>
    <message>
        <source>passwords, PINs or accounts</source>
        <translation>contraseñas, PIN o cuentas</translation>
    </message>
    <message>
        <source>people or their roles</source>
        <translation>personas o sus roles</translation>
    </message>
    <message>
        <source>class enrolments</source>
        <translation>inscripciones en clases</translation>
    </message>
    <message>
        <source>class settings</source>
        <translation>ajustes de clase</translation>
    </message>
    <message>
        <source>school settings</source>
        <translation>ajustes de la escuela</translation>
    </message>
    <message>
        <source>rubric scores</source>
        <translation>puntajes de rúbrica</translation>
    </message>
    <message>
        <source>teachers&apos; comments</source>
        <translation>comentarios de los docentes</translation>
    </message>
    <message>
        <source>the school&apos;s skill framework</source>
        <translation>el marco de habilidades de la escuela</translation>
    </message>
    <message>
        <source>which framework the school follows</source>
        <translation>qué marco sigue la escuela</translation>
    </message>
    <message>
        <source>the school&apos;s own skills</source>
        <translation>las habilidades propias de la escuela</translation>
    </message>
    <message>
        <source>the school&apos;s success measures</source>
        <translation>los indicadores de éxito de la escuela</translation>
    </message>
    <message>
        <source>its time stamp names another device than the one that made it</source>
        <translation>su marca de tiempo nombra a otro dispositivo distinto del que la hizo</translation>
    </message>
    <message>
        <source>its time stamp is at the end of the clock and cannot be followed</source>
        <translation>su marca de tiempo está al final del reloj y no se puede continuar</translation>
    </message>
    <message>
        <source>an erasure can only come from the school&apos;s admin computer</source>
        <translation>un borrado solo puede venir de la computadora de administración de la escuela</translation>
    </message>
    <message>
        <source>it belongs to another school</source>
        <translation>pertenece a otra escuela</translation>
    </message>
    <message>
        <source>a lab machine may not change {what}</source>
        <translation>una computadora de laboratorio no puede cambiar {what}</translation>
    </message>
    <message>
        <source>a lab machine may only write students&apos; own work</source>
        <translation>una computadora de laboratorio solo puede escribir el trabajo propio de los estudiantes</translation>
    </message>
    <message>
        <source>it belongs to a class this lab machine is not enrolled for</source>
        <translation>pertenece a una clase en la que esta computadora de laboratorio no está inscrita</translation>
    </message>
    <message>
        <source>a lab machine may not delete records</source>
        <translation>una computadora de laboratorio no puede borrar registros</translation>
    </message>
    <message>
        <source>a lab machine may not change work once it is written</source>
        <translation>una computadora de laboratorio no puede cambiar un trabajo ya escrito</translation>
    </message>
    <message>
        <source>a lab machine may not change {what} fields set by a teacher</source>
        <translation>una computadora de laboratorio no puede cambiar campos de {what} fijados por un docente</translation>
    </message>
    <message>
        <source>a lab machine may not free a student&apos;s sign-in</source>
        <translation>una computadora de laboratorio no puede desbloquear el inicio de sesión de un estudiante</translation>
    </message>
    <message>
        <source>this computer has no key</source>
        <translation>esta computadora no tiene clave</translation>
    </message>
    <message>
        <source>only teacher and admin computers pass on changes under their own seal</source>
        <translation>solo las computadoras de docentes y administradores pasan cambios con su propio sello</translation>
    </message>
    <message>
        <source>This computer already holds a school key.</source>
        <translation>Esta computadora ya tiene una clave de escuela.</translation>
    </message>
    <message>
        <source>This computer already belongs to a school; it cannot make another.</source>
        <translation>Esta computadora ya pertenece a una escuela; no puede crear otra.</translation>
    </message>
    <message>
        <source>No request from that device is waiting.</source>
        <translation>No hay ninguna solicitud de ese dispositivo en espera.</translation>
    </message>
    <message>
        <source>No device with that id is enrolled.</source>
        <translation>No hay ningún dispositivo inscrito con ese id.</translation>
    </message>
    <message>
        <source>This computer cannot revoke itself.</source>
        <translation>Esta computadora no puede revocarse a sí misma.</translation>
    </message>
    <message>
        <source>This computer does not hold the school key: approve, refuse and revoke devices on the computer where the school was set up.</source>
        <translation>Esta computadora no tiene la clave de la escuela: aprueba, rechaza y revoca dispositivos en la computadora donde se configuró la escuela.</translation>
    </message>
    <message>
        <source>Choose the classes this lab computer may sync: you teach none yet.</source>
        <translation>Elige las clases que esta computadora del laboratorio puede sincronizar: todavía no das ninguna clase.</translation>
    </message>
    <message>
        <source>Only a deletion or role change from another computer can be undone here.</source>
        <translation>Aquí solo se puede deshacer un borrado o un cambio de rol hecho en otra computadora.</translation>
    </message>
    <message>
        <source>Class roster</source>
        <translation>Lista de la clase</translation>
    </message>
    <message>
        <source>Writing review</source>
        <translation>Revisión de escritos</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>My profile</source>
        <translation>Mi perfil</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Escuela</translation>
    </message>
    <message>
        <source>This computer&apos;s key cannot be read, so it cannot approve devices.</source>
        <translation>No se puede leer la clave de este ordenador, así que no puede aprobar dispositivos.</translation>
    </message>
    <message>
        <source>No school server is set for this computer.</source>
        <translation>Este ordenador no tiene un servidor escolar configurado.</translation>
    </message>
    <message>
        <source>No request from that device is waiting on the school server.</source>
        <translation>Ninguna solicitud de ese dispositivo espera en el servidor escolar.</translation>
    </message>
    <message>
        <source>You can approve a device only for the classes you teach.</source>
        <translation>Solo puede aprobar un dispositivo para las clases que imparte.</translation>
    </message>
    <message>
        <source>Choose the classes this computer may sync: you teach none yet.</source>
        <translation>Elija las clases que este ordenador puede sincronizar: todavía no imparte ninguna.</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <source>Our school</source>
        <translation>Nuestra escuela</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>Marco</translation>
    </message>
    <message>
        <source>Starting (below 50%)</source>
        <translation>Empezando (menos del 50%)</translation>
    </message>
    <message>
        <source>Learning (50-75%)</source>
        <translation>Aprendiendo (50-75%)</translation>
    </message>
    <message>
        <source>Nearly there (75%+)</source>
        <translation>Casi lo logra (75%+)</translation>
    </message>
    <message>
        <source>Mastered</source>
        <translation>Dominada</translation>
    </message>
    <message>
        <source>Stuck (! recent answers wrong)</source>
        <translation>Atascado (! respuestas recientes incorrectas)</translation>
    </message>
    <message>
        <source>Click to sort students by it.</source>
        <translation>Haz clic para ordenar a los estudiantes por esto.</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>sin empezar</translation>
    </message>
    <message>
        <source>judged from work</source>
        <translation>evaluado a partir del trabajo</translation>
    </message>
    <message>
        <source>No plan</source>
        <translation>Sin plan</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>Esperando aprobación</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <source>Changes suggested</source>
        <translation>Cambios sugeridos</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>Ritmo</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Metas</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>Intereses</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Necesita atención</translation>
    </message>
    <message>
        <source>adopted</source>
        <translation>adoptado</translation>
    </message>
    <message>
        <source>not adopted yet</source>
        <translation>aún no adoptado</translation>
    </message>
    <message>
        <source>shared by</source>
        <translation>compartido por</translation>
    </message>
    <message>
        <source>My class against the school&apos;s measures</source>
        <translation>Mi clase frente a los indicadores de la escuela</translation>
    </message>
    <message>
        <source>met</source>
        <translation>cumplida</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>todavía no</translation>
    </message>
    <message>
        <source>The school&apos;s measures</source>
        <translation>Los indicadores de la escuela</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Docente</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>Directivo</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Ánimo</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energía</translation>
    </message>
    <message>
        <source>My check-ins, last two weeks</source>
        <translation>Mis registros de ánimo, últimas dos semanas</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Community partner</source>
        <translation>Socio de la comunidad</translation>
    </message>
    <message>
        <source>Your teacher assessed your work</source>
        <translation>Tu docente evaluó tu trabajo</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>terminado</translation>
    </message>
    <message>
        <source>late</source>
        <translation>atrasado</translation>
    </message>
    <message>
        <source>Draft: not sent to your teacher yet</source>
        <translation>Borrador: aún no se envió a tu docente</translation>
    </message>
    <message>
        <source>Waiting for your teacher</source>
        <translation>Esperando a tu docente</translation>
    </message>
    <message>
        <source>Approved by your teacher ✔</source>
        <translation>Aprobado por tu docente ✔</translation>
    </message>
    <message>
        <source>Your teacher suggested changes</source>
        <translation>Tu docente sugirió cambios</translation>
    </message>
    <message>
        <source>About practice</source>
        <translation>Acerca de la práctica</translation>
    </message>
    <message>
        <source>What you will practise</source>
        <translation>Lo que vas a practicar</translation>
    </message>
    <message>
        <source>Practice message</source>
        <translation>Mensaje de la práctica</translation>
    </message>
    <message>
        <source>Your practice so far</source>
        <translation>Tu práctica hasta ahora</translation>
    </message>
    <message>
        <source>Skill</source>
        <translation>Habilidad</translation>
    </message>
    <message>
        <source>Why this question</source>
        <translation>Por qué esta pregunta</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Answer message</source>
        <translation>Mensaje de la respuesta</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Retroalimentación</translation>
    </message>
    <message>
        <source>Worked hint</source>
        <translation>Pista resuelta</translation>
    </message>
    <message>
        <source>Mastery change</source>
        <translation>Cambio de dominio</translation>
    </message>
    <message>
        <source>Celebration</source>
        <translation>Celebración</translation>
    </message>
    <message>
        <source>Session summary</source>
        <translation>Resumen de la sesión</translation>
    </message>
    <message>
        <source>How it went</source>
        <translation>Cómo te fue</translation>
    </message>
    <message>
        <source>About writing</source>
        <translation>Acerca de la escritura</translation>
    </message>
    <message>
        <source>Writing message</source>
        <translation>Mensaje de la escritura</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>The school server sent a snapshot Tessera cannot read.</source>
        <translation>El servidor de la escuela envió una instantánea que Tessera no puede leer.</translation>
    </message>
    <message>
        <source>The school server&apos;s snapshot ended early.</source>
        <translation>La instantánea del servidor de la escuela terminó antes de tiempo.</translation>
    </message>
    <message>
        <source>Draft status</source>
        <translation>Estado del borrador</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Instrucciones</translation>
    </message>
    <message>
        <source>Teacher feedback</source>
        <translation>Comentarios del docente</translation>
    </message>
    <message>
        <source>My writing</source>
        <translation>Mi escritura</translation>
    </message>
    <message>
        <source>Word count</source>
        <translation>Número de palabras</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Estado del guardado</translation>
    </message>
    <message>
        <source>this class</source>
        <translation>esta clase</translation>
    </message>
    <message>
        <source>grade</source>
        <translation>grado</translation>
    </message>
    <message>
        <source>the whole school</source>
        <translation>toda la escuela</translation>
    </message>
    <message>
        <source>New challenge</source>
        <translation>Nuevo desafío</translation>
    </message>
    <message>
        <source>Finish challenge</source>
        <translation>Terminar desafío</translation>
    </message>
    <message>
        <source>Save assessment</source>
        <translation>Guardar la evaluación</translation>
    </message>
    <message>
        <source>Give skill levels from the rubric</source>
        <translation>Dar niveles de habilidad desde la rúbrica</translation>
    </message>
    <message>
        <source>with</source>
        <translation>con</translation>
    </message>
    <message>
        <source>for</source>
        <translation>para</translation>
    </message>
    <message>
        <source>Class check-in trend</source>
        <translation>Tendencia de los registros de ánimo de la clase</translation>
    </message>
    <message>
        <source>last: %1</source>
        <translation>último: %1</translation>
    </message>
    <message>
        <source>Student&apos;s writing</source>
        <translation>Escritura del estudiante</translation>
    </message>
    <message>
        <source>Comment on selection</source>
        <translation>Comentar la selección</translation>
    </message>
    <message>
        <source>Hand back to student</source>
        <translation>Devolver al estudiante</translation>
    </message>
    <message>
        <source>Judge skills from this draft</source>
        <translation>Evaluar habilidades a partir de este borrador</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Estilo</translation>
    </message>
    <message>
        <source>No answers on this skill yet.</source>
        <translation>Aún no hay respuestas en esta habilidad.</translation>
    </message>
    <message>
        <source>Fewer than half of typical questions likely right.</source>
        <translation>Se espera acertar menos de la mitad de las preguntas típicas.</translation>
    </message>
    <message>
        <source>Half to three in four typical questions likely right.</source>
        <translation>Se espera acertar entre la mitad y tres de cada cuatro preguntas típicas.</translation>
    </message>
    <message>
        <source>Three in four or more likely right, but not yet mastered.</source>
        <translation>Se espera acertar tres de cada cuatro o más, pero aún no está dominada.</translation>
    </message>
    <message>
        <source>The mastery rule holds: likely right, enough answers, and most recent ones right.</source>
        <translation>Se cumple la regla de dominio: probable acierto, suficientes respuestas y la mayoría de las recientes correctas.</translation>
    </message>
    <message>
        <source>Most recent answers were wrong, whatever the estimate says: worth a word with the student.</source>
        <translation>La mayoría de las respuestas recientes fueron incorrectas, diga lo que diga la estimación: vale la pena hablar con el estudiante.</translation>
    </message>
    <message>
        <source>Import questions from a file</source>
        <translation>Importar preguntas de un archivo</translation>
    </message>
    <message>
        <source>Recalculate estimates from all answers</source>
        <translation>Recalcular las estimaciones a partir de todas las respuestas</translation>
    </message>
    <message>
        <source>Sort by this column: students by the selected skill</source>
        <translation>Ordenar por esta columna: estudiantes por la habilidad seleccionada</translation>
    </message>
    <message>
        <source>Empty heatmap</source>
        <translation>Mapa de calor vacío</translation>
    </message>
    <message>
        <source>&amp;Import questions from a file…</source>
        <translation>&amp;Importar preguntas de un archivo…</translation>
    </message>
    <message>
        <source>&amp;Recalculate</source>
        <translation>&amp;Recalcular</translation>
    </message>
    <message>
        <source>&amp;Sort by this column</source>
        <translation>&amp;Ordenar por esta columna</translation>
    </message>
    <message>
        <source>on track</source>
        <translation>al día</translation>
    </message>
    <message>
        <source>behind</source>
        <translation>atrasado</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminado</translation>
    </message>
    <message>
        <source>no plan</source>
        <translation>sin plan</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Export student report as PDF</source>
        <translation>Exportar el informe del estudiante como PDF</translation>
    </message>
    <message>
        <source>Export class summary as CSV</source>
        <translation>Exportar el resumen de la clase como CSV</translation>
    </message>
    <message>
        <source>Approve plan</source>
        <translation>Aprobar el plan</translation>
    </message>
    <message>
        <source>Suggest changes</source>
        <translation>Sugerir cambios</translation>
    </message>
    <message>
        <source>your note</source>
        <translation>tu nota</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>actualizado</translation>
    </message>
    <message>
        <source>Empty roster</source>
        <translation>Lista vacía</translation>
    </message>
    <message>
        <source>Add student</source>
        <translation>Agregar estudiante</translation>
    </message>
    <message>
        <source>Edit student</source>
        <translation>Editar estudiante</translation>
    </message>
    <message>
        <source>Open student</source>
        <translation>Abrir estudiante</translation>
    </message>
    <message>
        <source>Archive student</source>
        <translation>Archivar estudiante</translation>
    </message>
    <message>
        <source>Sign-in PINs for the class</source>
        <translation>PIN de inicio de sesión de la clase</translation>
    </message>
    <message>
        <source>Undo archive</source>
        <translation>Deshacer el archivado</translation>
    </message>
    <message>
        <source>&amp;Add student…</source>
        <translation>&amp;Agregar estudiante…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>Arc&amp;hive</source>
        <translation>Arc&amp;hivar</translation>
    </message>
    <message>
        <source>Sign-in &amp;PINs…</source>
        <translation>&amp;PIN de inicio de sesión…</translation>
    </message>
    <message>
        <source>%1 plan behind</source>
        <translation>%1 plan atrasado</translation>
    </message>
    <message>
        <source>%1 plans behind</source>
        <translation>%1 planes atrasados</translation>
    </message>
    <message>
        <source>%1 essay to read</source>
        <translation>%1 ensayo por leer</translation>
    </message>
    <message>
        <source>%1 essays to read</source>
        <translation>%1 ensayos por leer</translation>
    </message>
    <message>
        <source>← &amp;Back to drafts</source>
        <translation>← &amp;Volver a los borradores</translation>
    </message>
    <message>
        <source>&amp;Edit task…</source>
        <translation>&amp;Editar tarea…</translation>
    </message>
    <message>
        <source>&amp;Open draft</source>
        <translation>&amp;Abrir borrador</translation>
    </message>
    <message>
        <source>&amp;New task…</source>
        <translation>&amp;Nueva tarea…</translation>
    </message>
    <message>
        <source>&amp;Word list…</source>
        <translation>&amp;Lista de palabras…</translation>
    </message>
    <message>
        <source>Your first name</source>
        <translation>Tu nombre</translation>
    </message>
    <message>
        <source>Your last name</source>
        <translation>Tu apellido</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Password (8+ characters)</source>
        <translation>Contraseña (8 caracteres o más)</translation>
    </message>
    <message>
        <source>Class name</source>
        <translation>Nombre de la clase</translation>
    </message>
    <message>
        <source>due</source>
        <translation>entrega</translation>
    </message>
    <message>
        <source>No students or no skills yet.</source>
        <translation>Aún no hay estudiantes o no hay habilidades.</translation>
    </message>
    <message>
        <source>No skills yet.</source>
        <translation>Aún no hay habilidades.</translation>
    </message>
    <message>
        <source>No check-ins yet.</source>
        <translation>Aún no hay registros de ánimo.</translation>
    </message>
    <message numerus="yes">
        <source>%n skill(s)</source>
        <translation>
            <numerusform>%n habilidad</numerusform>
            <numerusform>%n habilidades</numerusform>
        </translation>
    </message>
    <message>
        <source>Day by day</source>
        <translation>Día a día</translation>
    </message>
    <message numerus="yes">
        <source>%n student(s)</source>
        <translation>
            <numerusform>%n estudiante</numerusform>
            <numerusform>%n estudiantes</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing practised yet</source>
        <translation>nada practicado aún</translation>
    </message>
    <message>
        <source>Not started: %1</source>
        <translation>Sin empezar: %1</translation>
    </message>
    <message>
        <source>mastered</source>
        <translation>dominada</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) of check-ins</source>
        <translation>
            <numerusform>%n día de registros de ánimo</numerusform>
            <numerusform>%n días de registros de ánimo</numerusform>
        </translation>
    </message>
    <message>
        <source>Latest, %1: mood %2, energy %3.</source>
        <translation>Último, %1: ánimo %2, energía %3.</translation>
    </message>
    <message>
        <source>%1: mood %2, energy %3</source>
        <translation>%1: ánimo %2, energía %3</translation>
    </message>
    <message>
        <source>from %1 to %2.</source>
        <translation>del %1 al %2.</translation>
    </message>
    <message>
        <source>Mood averaged %1 of 5 (lowest %2 on %3, highest %4 on %5); energy averaged %6.</source>
        <translation>El ánimo promedió %1 de 5 (mínimo %2 el %3, máximo %4 el %5); la energía promedió %6.</translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s)</source>
        <translation>
            <numerusform>%n borrador</numerusform>
            <numerusform>%n borradores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n palabra</numerusform>
            <numerusform>%n palabras</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n versión</numerusform>
            <numerusform>%n versiones</numerusform>
        </translation>
    </message>
    <message>
        <source>Attach evidence</source>
        <translation>Adjuntar evidencia</translation>
    </message>
    <message>
        <source>Remove evidence</source>
        <translation>Quitar la evidencia</translation>
    </message>
    <message>
        <source>Mark goal as met</source>
        <translation>Marcar la meta como cumplida</translation>
    </message>
    <message>
        <source>Judge from this evidence</source>
        <translation>Evaluar a partir de esta evidencia</translation>
    </message>
    <message>
        <source>Save my assessment</source>
        <translation>Guardar mi autoevaluación</translation>
    </message>
    <message>
        <source>Save feedback</source>
        <translation>Guardar la retroalimentación</translation>
    </message>
    <message>
        <source>by</source>
        <translation>para el</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>Fortalezas</translation>
    </message>
    <message>
        <source>What matters to me</source>
        <translation>Lo que me importa</translation>
    </message>
    <message>
        <source>How I like to learn</source>
        <translation>Cómo me gusta aprender</translation>
    </message>
    <message>
        <source>In my own words</source>
        <translation>Con mis propias palabras</translation>
    </message>
    <message>
        <source>Accommodations</source>
        <translation>Adaptaciones</translation>
    </message>
    <message>
        <source>Teacher&apos;s notes (private)</source>
        <translation>Notas del docente (privadas)</translation>
    </message>
    <message>
        <source>secure, with a teacher’s judgement of their work</source>
        <translation>firme, con la evaluación de un docente sobre su trabajo</translation>
    </message>
    <message>
        <source>expected right on a typical question</source>
        <translation>de aciertos esperados en una pregunta típica</translation>
    </message>
    <message>
        <source>That writing task no longer exists.</source>
        <translation>Esa tarea de escritura ya no existe.</translation>
    </message>
    <message>
        <source>Unknown role {role!r}: use lab, teacher, leader or admin.</source>
        <translation>Rol desconocido {role!r}: usa lab, teacher, leader o admin.</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Fewest words</source>
        <translation>Mínimo de palabras</translation>
    </message>
    <message>
        <source>Most words</source>
        <translation>Máximo de palabras</translation>
    </message>
    <message>
        <source>Fewest paragraphs</source>
        <translation>Mínimo de párrafos</translation>
    </message>
    <message>
        <source>Most paragraphs</source>
        <translation>Máximo de párrafos</translation>
    </message>
    <message>
        <source>How many topic words</source>
        <translation>Cuántas palabras del tema</translation>
    </message>
    <message>
        <source>Fewest linking words</source>
        <translation>Mínimo de conectores</translation>
    </message>
    <message>
        <source>That draft no longer exists.</source>
        <translation>Ese borrador ya no existe.</translation>
    </message>
    <message>
        <source>That writing task is not one of yours.</source>
        <translation>Esa tarea de escritura no es tuya.</translation>
    </message>
    <message>
        <source>Give the writing task a title.</source>
        <translation>Ponle un título a la tarea de escritura.</translation>
    </message>
    <message>
        <source>The title is too long: keep it under {MAX_TITLE} characters.</source>
        <translation>El título es demasiado largo: escribe menos de {MAX_TITLE} caracteres.</translation>
    </message>
    <message>
        <source>The instructions are too long: keep them under 20,000 characters.</source>
        <translation>Las instrucciones son demasiado largas: escribe menos de 20.000 caracteres.</translation>
    </message>
    <message>
        <source>The due date is not a real date.</source>
        <translation>La fecha de entrega no es una fecha real.</translation>
    </message>
    <message>
        <source>Unknown kind of check: use spelling, grammar and style.</source>
        <translation>Tipo de revisión desconocido: usa ortografía, gramática y estilo.</translation>
    </message>
    <message>
        <source>The fewest words asked for is more than the most words allowed.</source>
        <translation>El mínimo de palabras pedido es mayor que el máximo permitido.</translation>
    </message>
    <message>
        <source>The fewest paragraphs asked for is more than the most allowed.</source>
        <translation>El mínimo de párrafos pedido es mayor que el máximo permitido.</translation>
    </message>
    <message>
        <source>Counts in the checklist cannot be negative.</source>
        <translation>Los números de la lista de control no pueden ser negativos.</translation>
    </message>
    <message>
        <source>Only a student has writing tasks to do.</source>
        <translation>Solo un estudiante tiene tareas de escritura por hacer.</translation>
    </message>
    <message>
        <source>A draft must be text.</source>
        <translation>Un borrador debe ser texto.</translation>
    </message>
    <message>
        <source>This draft is too long to save: it holds {v:,} KB of text and a draft can hold at most {v2:,} KB (about 170,000 words). Nothing is lost: your writing is still here. Shorten it and it will save again.</source>
        <translation>Este borrador es demasiado largo para guardarse: tiene {v:,} KB de texto y un borrador puede tener como máximo {v2:,} KB (unas 170.000 palabras). No se pierde nada: tu escrito sigue aquí. Acórtalo y se volverá a guardar.</translation>
    </message>
    <message>
        <source>Only the student writes in their own draft.</source>
        <translation>Solo el estudiante escribe en su propio borrador.</translation>
    </message>
    <message>
        <source>That version of the draft no longer exists.</source>
        <translation>Esa versión del borrador ya no existe.</translation>
    </message>
    <message>
        <source>You handed this in, so it cannot change now. Your teacher will hand it back with feedback.</source>
        <translation>Ya entregaste esto, así que no puede cambiar ahora. Tu docente te lo devolverá con comentarios.</translation>
    </message>
    <message>
        <source>Write something before you hand it in.</source>
        <translation>Escribe algo antes de entregarlo.</translation>
    </message>
    <message>
        <source>Those two versions belong to different drafts.</source>
        <translation>Esas dos versiones son de borradores distintos.</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Sin empezar</translation>
    </message>
    <message>
        <source>Feedback ready</source>
        <translation>Comentarios listos</translation>
    </message>
    <message>
        <source>Write the comment first.</source>
        <translation>Primero escribe el comentario.</translation>
    </message>
    <message>
        <source>That comment is very long: keep it under 5,000 characters.</source>
        <translation>Ese comentario es muy largo: escribe menos de 5.000 caracteres.</translation>
    </message>
    <message>
        <source>The feedback is very long: keep it under 10,000 characters.</source>
        <translation>Los comentarios son muy largos: escribe menos de 10.000 caracteres.</translation>
    </message>
    <message>
        <source>That version is not part of this draft.</source>
        <translation>Esa versión no es parte de este borrador.</translation>
    </message>
    <message>
        <source>Choose a shorter passage to comment on: a sentence or a paragraph.</source>
        <translation>Elige un fragmento más corto para comentar: una oración o un párrafo.</translation>
    </message>
    <message>
        <source>Only work that was handed in can be handed back.</source>
        <translation>Solo se puede devolver un trabajo que fue entregado.</translation>
    </message>
    <message>
        <source>Write some feedback, or comment on a passage, before handing it back.</source>
        <translation>Escribe algún comentario, o comenta un fragmento, antes de devolverlo.</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Mood</source>
        <translation>Ánimo</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energía</translation>
    </message>
    <message>
        <source>No check-ins yet</source>
        <translation>Aún no hay registros de ánimo</translation>
    </message>
</context>
<context>
    <name>TrustSection</name>
    <message>
        <source>Who may sync with this school</source>
        <translation>Quién puede sincronizar con esta escuela</translation>
    </message>
    <message>
        <source>Signed sync is off: any computer that can write to the sync folder is trusted. See docs/trust.md to turn it on.</source>
        <translation>La sincronización firmada está apagada: se confía en cualquier computadora que pueda escribir en la carpeta de sincronización. Consulta docs/trust.md para activarla.</translation>
    </message>
    <message>
        <source>Refused changes</source>
        <translation>Cambios rechazados</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <source>Show refused changes</source>
        <translation>Mostrar los cambios rechazados</translation>
    </message>
    <message>
        <source>Refused changes, one per row</source>
        <translation>Cambios rechazados, uno por fila</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Asks to join through the school server</source>
        <translation>Solicitudes para unirse a través del servidor escolar</translation>
    </message>
    <message>
        <source>Devices of this school</source>
        <translation>Equipos de esta escuela</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Re&amp;voke the selected device</source>
        <translation>Re&amp;vocar el dispositivo seleccionado</translation>
    </message>
    <message>
        <source>Revoke the selected device</source>
        <translation>Revocar el equipo seleccionado</translation>
    </message>
    <message>
        <source>Deleted, erased or given another role on other computers:</source>
        <translation>Borrado, eliminado o con otro rol en otras computadoras:</translation>
    </message>
    <message>
        <source>Deletions and role changes from other computers</source>
        <translation>Eliminaciones y cambios de rol desde otras computadoras</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>&amp;Undo the selected change</source>
        <translation>&amp;Deshacer el cambio seleccionado</translation>
    </message>
    <message>
        <source>Undo the selected change</source>
        <translation>Deshacer el cambio seleccionado</translation>
    </message>
    <message>
        <source>Checking who may sync…</source>
        <translation>Comprobando quién puede sincronizar…</translation>
    </message>
    <message>
        <source>The school server&apos;s asks to join could not be loaded: %1</source>
        <translation>No se pudieron cargar las solicitudes para unirse del servidor escolar: %1</translation>
    </message>
    <message>
        <source>No device is waiting for approval on the school server.</source>
        <translation>Ningún dispositivo espera aprobación en el servidor escolar.</translation>
    </message>
    <message>
        <source>Waiting for approval on the school server:</source>
        <translation>Esperando aprobación en el servidor escolar:</translation>
    </message>
    <message>
        <source>Approve %1 on the school server</source>
        <translation>Aprobar %1 en el servidor escolar</translation>
    </message>
    <message>
        <source>Refuse %1 on the school server</source>
        <translation>Rechazar %1 en el servidor escolar</translation>
    </message>
    <message>
        <source>%1 was erased</source>
        <translation>%1 fue eliminado</translation>
    </message>
    <message>
        <source>%1 was deleted</source>
        <translation>%1 fue borrado</translation>
    </message>
    <message>
        <source>%1&apos;s role changed: %2</source>
        <translation>El rol de %1 cambió: %2</translation>
    </message>
    <message>
        <source>another computer</source>
        <translation>otra computadora</translation>
    </message>
    <message>
        <source>No change has been refused.</source>
        <translation>No se ha rechazado ningún cambio.</translation>
    </message>
    <message>
        <source> (this computer)</source>
        <translation> (esta computadora)</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>un dispositivo</translation>
    </message>
    <message>
        <source>%1 changes from a device this school does not know were refused.</source>
        <translation>Se rechazaron %1 cambios de un dispositivo que esta escuela no conoce.</translation>
    </message>
    <message>
        <source>%1 changes were refused: this computer does not have the school&apos;s key yet.</source>
        <translation>Se rechazaron %1 cambios: esta computadora todavía no tiene la clave de la escuela.</translation>
    </message>
    <message>
        <source>%1 changes that no device signed were refused.</source>
        <translation>Se rechazaron %1 cambios que ningún dispositivo firmó.</translation>
    </message>
    <message>
        <source>%1 changes that were altered after they were signed were refused.</source>
        <translation>Se rechazaron %1 cambios que se alteraron después de firmarse.</translation>
    </message>
    <message>
        <source>%1 changes with a signature that is not valid were refused.</source>
        <translation>Se rechazaron %1 cambios con una firma que no es válida.</translation>
    </message>
    <message>
        <source>%1 changes from %2, whose enrolment was revoked, were refused.</source>
        <translation>Se rechazaron %1 cambios de %2, cuya inscripción fue revocada.</translation>
    </message>
    <message>
        <source>%1 changes from %2, whose enrolment has expired, were refused.</source>
        <translation>Se rechazaron %1 cambios de %2, cuya inscripción venció.</translation>
    </message>
    <message>
        <source>%1 changes a lab machine signed in another computer&apos;s name were refused.</source>
        <translation>Se rechazaron %1 cambios que una computadora de laboratorio firmó con el nombre de otra computadora.</translation>
    </message>
    <message>
        <source>%1 changes for another school were refused.</source>
        <translation>Se rechazaron %1 cambios para otra escuela.</translation>
    </message>
    <message>
        <source>%1 erasures from %2 were refused: only the school&apos;s admin computer may erase.</source>
        <translation>Se rechazaron %1 borrados de %2: solo la computadora de administración de la escuela puede borrar.</translation>
    </message>
    <message>
        <source>%1 changes with a time stamp of another computer were refused.</source>
        <translation>Se rechazaron %1 cambios con la marca de tiempo de otra computadora.</translation>
    </message>
    <message>
        <source>%1 changes with an impossible time stamp were refused.</source>
        <translation>Se rechazaron %1 cambios con una marca de tiempo imposible.</translation>
    </message>
    <message>
        <source>%1 changes from %2 were refused: %3.</source>
        <translation>Se rechazaron %1 cambios de %2: %3.</translation>
    </message>
    <message>
        <source>Lab machine</source>
        <translation>Computadora de laboratorio</translation>
    </message>
    <message>
        <source>Teacher&apos;s computer</source>
        <translation>Computadora de docente</translation>
    </message>
    <message>
        <source>this school</source>
        <translation>esta escuela</translation>
    </message>
    <message>
        <source>%1 %2 asks to join %3</source>
        <translation>%1 %2 pide unirse a %3</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Aprobar</translation>
    </message>
    <message>
        <source>Approve %1</source>
        <translation>Aprobar %1</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Rechazar</translation>
    </message>
    <message>
        <source>Refuse %1</source>
        <translation>Rechazar %1</translation>
    </message>
    <message>
        <source>Approve devices on the computer where the school was set up.</source>
        <translation>Aprueba dispositivos en la computadora donde se configuró la escuela.</translation>
    </message>
    <message>
        <source>unknown device</source>
        <translation>dispositivo desconocido</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Docente</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Inscrito</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revocado</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vencido</translation>
    </message>
</context>
<context>
    <name>VersionHistory</name>
    <message>
        <source>Saved versions</source>
        <translation>Versiones guardadas</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Qué cambió</translation>
    </message>
    <message>
        <source>Version %1 · %2
%3 words (%4)</source>
        <translation>Versión %1 · %2
%3 palabras (%4)</translation>
    </message>
    <message>
        <source>No saved versions yet.</source>
        <translation>Aún no hay versiones guardadas.</translation>
    </message>
    <message>
        <source>Pick a version to see what changed in it.</source>
        <translation>Elige una versión para ver qué cambió en ella.</translation>
    </message>
    <message>
        <source>Version 1: the first saved text (%1 words).</source>
        <translation>Versión 1: el primer texto guardado (%1 palabras).</translation>
    </message>
    <message>
        <source>Version %1 compared with version %2: %3 words added, %4 removed.</source>
        <translation>Versión %1 comparada con la versión %2: %3 palabras agregadas, %4 quitadas.</translation>
    </message>
    <message>
        <source> (Too long to compare word by word.)</source>
        <translation> (Demasiado largo para comparar palabra por palabra.)</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Welcome to Tessera</source>
        <translation>Bienvenido a Tessera</translation>
    </message>
    <message>
        <source>Every learner is a mosaic. Tessera keeps your class&apos;s profiles, plans and progress on this computer and works with no internet.</source>
        <translation>Cada estudiante es un mosaico. Tessera guarda los perfiles, planes y progreso de tu clase en esta computadora y funciona sin internet.</translation>
    </message>
    <message>
        <source>Look around first</source>
        <translation>Explora primero</translation>
    </message>
    <message>
        <source>Start with a &amp;demo class</source>
        <translation>Empezar con una clase de &amp;demostración</translation>
    </message>
    <message>
        <source>Start with a demo class</source>
        <translation>Empezar con una clase de demostración</translation>
    </message>
    <message>
        <source>24 students with their profiles, two months of practice, plans and challenges. You can add your own class later.</source>
        <translation>24 estudiantes con sus perfiles, dos meses de práctica, planes y desafíos. Puedes agregar tu propia clase después.</translation>
    </message>
    <message>
        <source>Create my class</source>
        <translation>Crear mi clase</translation>
    </message>
    <message>
        <source>&amp;Create my class</source>
        <translation>&amp;Crear mi clase</translation>
    </message>
    <message>
        <source>Building the demo class</source>
        <translation>Preparando la clase de demostración</translation>
    </message>
</context>
<context>
    <name>WordListDialog</name>
    <message>
        <source>Class word list</source>
        <translation>Lista de palabras de la clase</translation>
    </message>
    <message>
        <source>Words the spelling check accepts for this class, one per line: places, topic words, names from books. Students&apos; and teachers&apos; names are always accepted.</source>
        <translation>Palabras que la revisión ortográfica acepta en esta clase, una por línea: lugares, palabras del tema, nombres de libros. Los nombres de estudiantes y docentes siempre se aceptan.</translation>
    </message>
    <message>
        <source>Class words, one per line</source>
        <translation>Palabras de la clase, una por línea</translation>
    </message>
</context>
<context>
    <name>WritingEditor</name>
    <message>
        <source>Use “%1”</source>
        <translation>Usar «%1»</translation>
    </message>
    <message>
        <source>Remove it</source>
        <translation>Quitarlo</translation>
    </message>
</context>
<context>
    <name>WritingPage</name>
    <message>
        <source>← &amp;All writing tasks</source>
        <translation>← &amp;Todas las tareas de escritura</translation>
    </message>
    <message>
        <source>Back to all writing tasks</source>
        <translation>Volver a todas las tareas de escritura</translation>
    </message>
    <message>
        <source>Start writing here…</source>
        <translation>Empieza a escribir aquí…</translation>
    </message>
    <message>
        <source>&amp;Save now</source>
        <translation>&amp;Guardar ahora</translation>
    </message>
    <message>
        <source>Save now</source>
        <translation>Guardar ahora</translation>
    </message>
    <message>
        <source>&amp;Hand in…</source>
        <translation>&amp;Entregar…</translation>
    </message>
    <message>
        <source>Read &amp;my writing</source>
        <translation>Leer &amp;mi escritura</translation>
    </message>
    <message>
        <source>Read my writing aloud</source>
        <translation>Leer mi escritura en voz alta</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Revisando…</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Entrega: %1</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Abriendo…</translation>
    </message>
    <message>
        <source>Not saved yet: your text is kept and saves as soon as it can.</source>
        <translation>Aún sin guardar: tu texto se conserva y se guarda en cuanto pueda.</translation>
    </message>
    <message>
        <source>Your teacher&apos;s feedback: %1</source>
        <translation>Comentarios de tu docente: %1</translation>
    </message>
    <message>
        <source>Handed in %1. It comes back here with your teacher&apos;s feedback.</source>
        <translation>Entregado %1. Vuelve aquí con los comentarios de tu docente.</translation>
    </message>
    <message>
        <source>Not saved yet: it saves by itself as you write.</source>
        <translation>Aún sin guardar: se guarda solo mientras escribes.</translation>
    </message>
    <message>
        <source>That part has changed since the check: checking again…</source>
        <translation>Esa parte cambió desde la revisión: revisando otra vez…</translation>
    </message>
    <message>
        <source>Changed. Ctrl+Z puts it back.</source>
        <translation>Cambiado. Ctrl+Z lo deshace.</translation>
    </message>
    <message>
        <source>Hand in</source>
        <translation>Entregar</translation>
    </message>
</context>
<context>
    <name>WritingReviewPage</name>
    <message>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Writing task</source>
        <translation>Tarea de escritura</translation>
    </message>
    <message>
        <source>&amp;Class:</source>
        <translation>&amp;Clase:</translation>
    </message>
    <message>
        <source>&amp;Task:</source>
        <translation>&amp;Tarea:</translation>
    </message>
    <message>
        <source>Task summary</source>
        <translation>Resumen de la tarea</translation>
    </message>
    <message>
        <source>Drafts message</source>
        <translation>Mensaje de los borradores</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Draft status</source>
        <translation>Estado del borrador</translation>
    </message>
    <message>
        <source>Draft views</source>
        <translation>Vistas del borrador</translation>
    </message>
    <message>
        <source>&amp;Draft</source>
        <translation>&amp;Borrador</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historial</translation>
    </message>
    <message>
        <source> · %1 awaiting feedback</source>
        <translation> · %1 esperando comentarios</translation>
    </message>
    <message>
        <source>No writing tasks yet: press New task to set one.</source>
        <translation>Aún no hay tareas de escritura: presiona Nueva tarea para crear una.</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Entrega: %1</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>Sin fecha de entrega</translation>
    </message>
    <message>
        <source>Checking the drafts…</source>
        <translation>Revisando los borradores…</translation>
    </message>
    <message>
        <source>Awaiting feedback: %1.</source>
        <translation>Esperando comentarios: %1.</translation>
    </message>
    <message>
        <source>Nothing is waiting for feedback.</source>
        <translation>Nada está esperando comentarios.</translation>
    </message>
    <message>
        <source>%1 has not started this task yet.</source>
        <translation>%1 aún no empezó esta tarea.</translation>
    </message>
    <message>
        <source>handed in %1</source>
        <translation>entregado %1</translation>
    </message>
</context>
<context>
    <name>_Delegate</name>
    <message>
        <source>Suggested first</source>
        <translation>Sugeridos primero</translation>
    </message>
</context>
<context>
    <name>area</name>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Import class list (file)...</source>
        <translation>Importar lista de clase (archivo)...</translation>
    </message>
    <message>
        <source>Import class list (folder)...</source>
        <translation>Importar lista de clase (carpeta)...</translation>
    </message>
    <message>
        <source>Import skill framework (CASE)...</source>
        <translation>Importar marco de habilidades (CASE)...</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Gradebook (OneRoster 1.2)...</source>
        <translation>Libro de calificaciones (OneRoster 1.2)...</translation>
    </message>
    <message>
        <source>Skills by student (CSV)...</source>
        <translation>Habilidades por estudiante (CSV)...</translation>
    </message>
    <message>
        <source>Learning records (xAPI)...</source>
        <translation>Registros de aprendizaje (xAPI)...</translation>
    </message>
    <message>
        <source>Send learning records to the school&apos;s LRS</source>
        <translation>Enviar registros de aprendizaje al LRS de la escuela</translation>
    </message>
    <message>
        <source>Questions (QTI 3.0)...</source>
        <translation>Preguntas (QTI 3.0)...</translation>
    </message>
    <message>
        <source>Skill framework (CASE)...</source>
        <translation>Marco de habilidades (CASE)...</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Error message</source>
        <translation>Mensaje de error</translation>
    </message>
</context>
<context>
    <name>plan_wizard</name>
    <message>
        <source>Milestone date</source>
        <translation>Fecha del hito</translation>
    </message>
</context>
<context>
    <name>self.area</name>
    <message>
        <source>Import menu</source>
        <translation>Menú de importar</translation>
    </message>
    <message>
        <source>Export menu</source>
        <translation>Menú de exportar</translation>
    </message>
    <message>
        <source>Import class list</source>
        <translation>Importar lista de clase</translation>
    </message>
    <message>
        <source>Class lists (*.zip *.csv);;All files (*)</source>
        <translation>Listas de clase (*.zip *.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Folder of OneRoster, SDS or Clever files</source>
        <translation>Carpeta de archivos OneRoster, SDS o Clever</translation>
    </message>
    <message>
        <source>Reading the class list</source>
        <translation>Leyendo la lista de clase</translation>
    </message>
    <message>
        <source>Imported: {0} new, {1} updated, {2} archived; {3} rows refused.</source>
        <translation>Importado: {0} nuevos, {1} actualizados, {2} archivados; {3} filas rechazadas.</translation>
    </message>
    <message>
        <source>The report is saved beside the file: {0}</source>
        <translation>El informe se guardó junto al archivo: {0}</translation>
    </message>
    <message>
        <source>Class list imported</source>
        <translation>Lista de clase importada</translation>
    </message>
    <message>
        <source>Importing the class list</source>
        <translation>Importando la lista de clase</translation>
    </message>
    <message>
        <source>Import a CASE framework</source>
        <translation>Importar un marco CASE</translation>
    </message>
    <message>
        <source>CASE package (*.json)</source>
        <translation>Paquete CASE (*.json)</translation>
    </message>
    <message>
        <source>Framework imported</source>
        <translation>Marco importado</translation>
    </message>
    <message>
        <source>{0} skills in {1} domains: {2} new, {3} updated.</source>
        <translation>{0} habilidades en {1} dominios: {2} nuevas, {3} actualizadas.</translation>
    </message>
    <message>
        <source>Importing the framework</source>
        <translation>Importando el marco</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>You have no class yet.</source>
        <translation>Todavía no tienes una clase.</translation>
    </message>
    <message>
        <source>Which class?</source>
        <translation>¿Qué clase?</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>{0} learning records sent to the LRS.</source>
        <translation>{0} registros de aprendizaje enviados al LRS.</translation>
    </message>
    <message>
        <source>Sending learning records</source>
        <translation>Enviando registros de aprendizaje</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportado</translation>
    </message>
    <message>
        <source>Saved {0} ({1} rows).</source>
        <translation>Se guardó {0} ({1} filas).</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Exportando</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Ayuda</translation>
    </message>
    <message>
        <source>Guide for this page</source>
        <translation>Guía de esta página</translation>
    </message>
    <message>
        <source>Guide for &amp;teachers</source>
        <translation>Guía para &amp;docentes</translation>
    </message>
    <message>
        <source>Guide for &amp;students</source>
        <translation>Guía para &amp;estudiantes</translation>
    </message>
    <message>
        <source>This lab computer has no class yet. It arrives with the next sync from your teacher&apos;s computer, or a teacher can sign in here once it has.</source>
        <translation>Esta computadora de laboratorio aún no tiene una clase. Llega con la próxima sincronización desde la computadora de tu docente; cuando haya llegado, un docente también puede iniciar sesión aquí.</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Display…</source>
        <translation>&amp;Pantalla…</translation>
    </message>
</context>
</TS>
