"""Small QTI items and packages written for the tests."""

from __future__ import annotations

import io
import zipfile

NS22 = "http://www.imsglobal.org/xsd/imsqti_v2p2"
NS30 = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"


def choice22(ident="capital-1", correct="B", extra_decl="", body_extra="", max_choices="1") -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="{NS22}" identifier="{ident}" title="Capitals" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
    <correctResponse><value>{correct}</value></correctResponse>
  </responseDeclaration>{extra_decl}
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
  <itemBody>
    <p>Think about the map of Europe.</p>
    <choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="{max_choices}">
      <prompt>What is the capital of <b>France</b>?</prompt>
      <simpleChoice identifier="A">Lyon</simpleChoice>
      <simpleChoice identifier="B">Paris</simpleChoice>
      <simpleChoice identifier="C">Marseille <feedbackInline outcomeIdentifier="FB" identifier="C">No</feedbackInline></simpleChoice>
    </choiceInteraction>{body_extra}
  </itemBody>
  <responseProcessing template="http://www.imsglobal.org/question/qti_v2p2/rptemplates/match_correct"/>
</assessmentItem>"""


TEXT22 = f"""<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="{NS22}" identifier="colour-1" title="Spelling" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="string">
    <correctResponse><value>colour</value></correctResponse>
    <mapping defaultValue="0">
      <mapEntry mapKey="colour" mappedValue="1"/>
      <mapEntry mapKey="color" mappedValue="1"/>
      <mapEntry mapKey="collor" mappedValue="0"/>
    </mapping>
  </responseDeclaration>
  <itemBody>
    <p>The <em>c_l_ur</em> of the sky is blue. Write the word: <textEntryInteraction responseIdentifier="RESPONSE" expectedLength="10"/></p>
  </itemBody>
</assessmentItem>"""

FLOAT22 = f"""<assessmentItem xmlns="{NS22}" identifier="half-1" title="Half">
  <responseDeclaration identifier="R1" cardinality="single" baseType="float">
    <correctResponse><value>0.5</value></correctResponse>
  </responseDeclaration>
  <itemBody><p>What is 1 divided by 2? <textEntryInteraction responseIdentifier="R1"/></p></itemBody>
</assessmentItem>"""

CHOICE30 = f"""<?xml version="1.0" encoding="UTF-8"?>
<qti-assessment-item xmlns="{NS30}" identifier="planet-3" title="Planets" adaptive="false" time-dependent="false">
  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier">
    <qti-correct-response><qti-value>ChoiceJ</qti-value></qti-correct-response>
  </qti-response-declaration>
  <qti-item-body>
    <qti-choice-interaction response-identifier="RESPONSE" max-choices="1">
      <qti-prompt>Which planet is the largest?</qti-prompt>
      <qti-simple-choice identifier="ChoiceM">Mars</qti-simple-choice>
      <qti-simple-choice identifier="ChoiceJ">Jupiter</qti-simple-choice>
      <qti-simple-choice identifier="ChoiceV">Venus</qti-simple-choice>
    </qti-choice-interaction>
  </qti-item-body>
  <qti-response-processing template="https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml"/>
</qti-assessment-item>"""

TEXT30 = f"""<?xml version="1.0" encoding="UTF-8"?>
<qti-assessment-item xmlns="{NS30}" identifier="sum-3" title="Sum">
  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="integer">
    <qti-correct-response><qti-value>12</qti-value></qti-correct-response>
  </qti-response-declaration>
  <qti-item-body>
    <p>7 + 5 = <qti-text-entry-interaction response-identifier="RESPONSE"/></p>
  </qti-item-body>
</qti-assessment-item>"""


def manifest(hrefs: list[tuple[str, str]], extra: str = "") -> str:
    res = "\n".join(
        f'<resource identifier="R{i}" type="{typ}" href="{href}"><file href="{href}"/></resource>'
        for i, (href, typ) in enumerate(hrefs)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="M1">
  <metadata><schema>QTI Package</schema></metadata>
  <organizations/>
  <resources>
    {res}
    <resource identifier="T" type="imsqti_test_xmlv2p2" href="test.xml"/>{extra}
  </resources>
</manifest>"""


def package(files: dict[str, str | bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


def good_package() -> bytes:
    return package({
        "imsmanifest.xml": manifest([("items/capital.xml", "imsqti_item_xmlv2p2"),
                                     ("items/colour.xml", "imsqti_item_xmlv2p2"),
                                     ("items/v3/planet.xml", "imsqti_item_xmlv3p0")]),
        "items/capital.xml": choice22(),
        "items/colour.xml": TEXT22,
        "items/v3/planet.xml": CHOICE30,
        "test.xml": "<assessmentTest/>",
        "images/logo.png": b"\x89PNG....",
    })  # fmt: skip
