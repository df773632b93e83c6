<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>CodingView</name>
    <message>
        <location filename="../coding_view.py" line="63"/>
        <source>Find a term (한국어 / English)</source>
        <translation>용어 찾기 (한국어 / English)</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="81"/>
        <source>Se&amp;gments</source>
        <translation>구간(&amp;G)</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="86"/>
        <source>Select words, choose a term, then apply:</source>
        <translation>낱말을 선택하고 용어를 고른 뒤 적용하세요:</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="96"/>
        <source>(confidence)</source>
        <translation>(신뢰도)</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="100"/>
        <source>&amp;Apply tag</source>
        <translation>태그 적용(&amp;A)</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="103"/>
        <source>Tag the whole &amp;interview</source>
        <translation>면담 전체에 태그(&amp;I)</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="112"/>
        <source>&amp;Tags (double-click to jump)</source>
        <translation>태그 - 두 번 누르면 이동(&amp;T)</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="118"/>
        <source>E&amp;vents</source>
        <translation>사건(&amp;V)</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="123"/>
        <source>New event (selected tags are linked as evidence)</source>
        <translation>새 사건 (선택한 태그가 증거로 연결됩니다)</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="127"/>
        <source>A&amp;ct:</source>
        <translation>행위(&amp;C):</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="130"/>
        <source>witness, or a pseudonym such as V2 (brother)</source>
        <translation>증인 본인, 또는 V2 (형제) 같은 가명</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="131"/>
        <source>Vic&amp;tim:</source>
        <translation>피해자(&amp;T):</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="134"/>
        <source>&amp;Perpetrator:</source>
        <translation>가해자(&amp;P):</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="137"/>
        <source>a facility or place term, or free text</source>
        <translation>시설이나 장소 용어, 또는 자유 기재</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="138"/>
        <source>Pl&amp;ace:</source>
        <translation>장소(&amp;A):</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="143"/>
        <source>&amp;Date:</source>
        <translation>날짜(&amp;D):</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="146"/>
        <location filename="../coding_view.py" line="257"/>
        <source>(not recorded)</source>
        <translation>(기록 안 함)</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="149"/>
        <source>&amp;Witness:</source>
        <translation>증인(&amp;W):</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="150"/>
        <source>Add &amp;event</source>
        <translation>사건 추가(&amp;E)</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="212"/>
        <source>whole interview</source>
        <translation>면담 전체</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="213"/>
        <source> (check: text changed)</source>
        <translation> (확인 필요: 문장이 바뀜)</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="219"/>
        <source>date unknown</source>
        <translation>날짜 모름</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="226"/>
        <location filename="../coding_view.py" line="228"/>
        <source>No transcript yet: you can still tag the whole interview or add events.</source>
        <translation>아직 녹취록이 없습니다. 면담 전체에 태그를 달거나 사건을 추가할 수는 있습니다.</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="338"/>
        <source>Choose a term in the tree first.</source>
        <translation>먼저 분류 트리에서 용어를 고르세요.</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="345"/>
        <source>Choose a segment and select words in it first, or tag the whole interview.</source>
        <translation>먼저 구간을 고르고 그 안의 낱말을 선택하거나, 면담 전체에 태그를 다세요.</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="354"/>
        <source>Tag applied.</source>
        <translation>태그를 달았습니다.</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="395"/>
        <source>Choose the act (a violation term) first.</source>
        <translation>먼저 행위(인권침해 용어)를 고르세요.</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="406"/>
        <source>Event added.</source>
        <translation>사건을 추가했습니다.</translation>
    </message>
</context>
<context>
    <name>DetailsForm</name>
    <message>
        <location filename="../interview_page.py" line="58"/>
        <source>keep in the organisation&apos;s archive</source>
        <translation>단체 기록보관소에 보관</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="59"/>
        <source>share with UN bodies</source>
        <translation>유엔 기구와 공유</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="60"/>
        <source>use in court proceedings</source>
        <translation>재판 절차에 사용</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="61"/>
        <source>publish (pseudonymised)</source>
        <translation>공개 (가명 처리)</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="62"/>
        <source>the witness&apos;s name may be disclosed</source>
        <translation>증인의 이름을 밝혀도 됨</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="118"/>
        <source>Fields are saved when you leave them; this saves everything now (Ctrl+S).</source>
        <translation>항목은 다른 곳으로 옮겨 갈 때 저장됩니다. 이 단추는 모든 항목을 지금 저장합니다(Ctrl+S).</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="129"/>
        <source>Interview</source>
        <translation>면담</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="133"/>
        <source>The pseudonym code; changing it renames the interview (recorded in the audit log).</source>
        <translation>가명 코드입니다. 바꾸면 면담의 이름이 바뀝니다(감사 기록에 남습니다).</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="135"/>
        <source>Pseudonym &amp;code:</source>
        <translation>가명 코드(&amp;C):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="142"/>
        <location filename="../interview_page.py" line="210"/>
        <source>not recorded</source>
        <translation>기록 안 됨</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="309"/>
        <source>Stored as text that is not a date: %1. Choose the date again.</source>
        <translation>날짜가 아닌 글자로 저장되어 있습니다: %1. 날짜를 다시 고르십시오.</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="380"/>
        <source>A year must be four digits, like 1985; it was not saved.</source>
        <translation>연도는 1985처럼 네 자리 숫자여야 합니다. 저장되지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="445"/>
        <source>Saved at %1.</source>
        <translation>%1에 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="467"/>
        <source>Some values on the Details page could not be saved: %1 Discard them?</source>
        <translation>세부 정보 페이지의 일부 값을 저장할 수 없었습니다: %1 이 값을 버리시겠습니까?</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="146"/>
        <source>&amp;Interviewer:</source>
        <translation>면담자(&amp;I):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="72"/>
        <source>Unsaved changes</source>
        <translation>저장되지 않은 변경 사항</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="116"/>
        <source>Sav&amp;e</source>
        <translation>저장(&amp;E)</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="147"/>
        <source>Inter&amp;preter:</source>
        <translation>통역자(&amp;P):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="148"/>
        <source>&amp;Date and time:</source>
        <translation>날짜와 시간(&amp;D):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="149"/>
        <source>&amp;Time zone:</source>
        <translation>시간대(&amp;T):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="150"/>
        <source>P&amp;lace (general):</source>
        <translation>장소 - 대략(&amp;L):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="151"/>
        <source>Lan&amp;guages (comma separated):</source>
        <translation>언어 - 쉼표로 구분(&amp;G):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="170"/>
        <source>&amp;Status:</source>
        <translation>상태(&amp;S):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="175"/>
        <source>&amp;Notes:</source>
        <translation>메모(&amp;N):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="178"/>
        <source>Witness (sensitive: never in &apos;share&apos; exports)</source>
        <translation>증인 (민감 정보: &apos;share&apos; 내보내기에는 절대 포함 안 됨)</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="181"/>
        <source>&amp;Birth year:</source>
        <translation>출생 연도(&amp;B):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="182"/>
        <source>Home pro&amp;vince:</source>
        <translation>출신 도(&amp;V):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="183"/>
        <source>&amp;Year left North Korea:</source>
        <translation>북한을 떠난 해(&amp;Y):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="184"/>
        <source>Songbun as &amp;stated:</source>
        <translation>본인이 말한 성분(&amp;S):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="191"/>
        <source>Consent</source>
        <translation>동의</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="201"/>
        <source>(not recorded)</source>
        <translation>(기록 안 함)</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="204"/>
        <source>Given &amp;as:</source>
        <translation>동의 방식(&amp;A):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="211"/>
        <source>Given &amp;on:</source>
        <translation>동의 날짜(&amp;O):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="219"/>
        <source>How and when the witness withdrew</source>
        <translation>증인이 언제 어떻게 철회했는지</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="220"/>
        <source>The witness &amp;withdrew consent</source>
        <translation>증인이 동의를 철회함(&amp;W)</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="222"/>
        <source>Record &amp;withdrawal</source>
        <translation>철회 기록(&amp;W)</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="228"/>
        <source>Withdrawal:</source>
        <translation>철회:</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="286"/>
        <source>Consent withdrawn on %1: this interview is excluded from every export.</source>
        <translation>%1에 동의가 철회되었습니다. 이 면담은 어떤 내보내기에도 포함되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="481"/>
        <source>Withdrawal recorded; the interview will be left out of exports.</source>
        <translation>철회를 기록했습니다. 이 면담은 내보내기에서 제외됩니다.</translation>
    </message>
</context>
<context>
    <name>ExportView</name>
    <message>
        <location filename="../export_view.py" line="60"/>
        <source>&amp;Interviews to export</source>
        <translation>내보낼 면담(&amp;I)</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="65"/>
        <source>&amp;Recipients (pinned supervisors)</source>
        <translation>받는 사람 - 고정된 감독자(&amp;R)</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="70"/>
        <source>&amp;Pin a supervisor&apos;s public key...</source>
        <translation>감독자 공개 키 고정(&amp;P)...</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="73"/>
        <source>After the supervisor has the bundle</source>
        <translation>감독자가 번들을 받은 뒤</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="75"/>
        <source>Apply the supervisor&apos;s &amp;receipt...</source>
        <translation>감독자 수령증 적용(&amp;R)...</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="79"/>
        <source>I want to &amp;delete acknowledged interviews from this laptop</source>
        <translation>수령이 확인된 면담을 이 노트북에서 삭제하겠습니다(&amp;D)</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="82"/>
        <source>Pur&amp;ge</source>
        <translation>삭제(&amp;G)</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="92"/>
        <source>Bundle</source>
        <translation>번들</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="98"/>
        <source>Pro&amp;file:</source>
        <translation>프로필(&amp;F):</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="103"/>
        <source>P&amp;urpose:</source>
        <translation>용도(&amp;U):</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="107"/>
        <source>&amp;Browse...</source>
        <translation>찾아보기(&amp;B)...</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="111"/>
        <source>Save &amp;to:</source>
        <translation>저장 위치(&amp;T):</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="120"/>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="122"/>
        <source>&amp;Cancel</source>
        <translation>취소(&amp;C)</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="185"/>
        <source>supervisor</source>
        <translation>감독자</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="193"/>
        <source>No supervisor key is pinned yet: pin your supervisor&apos;s public key first (compare its fingerprint aloud).</source>
        <translation>아직 고정된 감독자 키가 없습니다. 먼저 감독자의 공개 키를 고정하세요 (지문을 소리 내어 맞춰 보세요).</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="213"/>
        <source>Consent leaves these out (they will not be exported):</source>
        <translation>동의 범위 때문에 다음은 제외됩니다 (내보내지 않음):</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="229"/>
        <source>Save bundle as</source>
        <translation>번들 저장</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="233"/>
        <source>Supervisor public key file</source>
        <translation>감독자 공개 키 파일</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="243"/>
        <source>Supervisor pinned. Fingerprint: %1 — compare it with your supervisor.</source>
        <translation>감독자를 고정했습니다. 지문: %1 — 감독자와 맞춰 보세요.</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="252"/>
        <source>Supervisor&apos;s receipt</source>
        <translation>감독자 수령증</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="269"/>
        <source>Receipt accepted: the supervisor holds %1 interviews of this bundle; they may now be purged here.</source>
        <translation>수령증을 받아들였습니다: 감독자가 이 번들의 면담 %1건을 보관하고 있습니다. 이제 여기서 삭제해도 됩니다.</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="286"/>
        <source>Purged %1 interviews; kept %2 that changed after their export.</source>
        <translation>면담 %1건을 삭제했습니다. 내보낸 뒤 바뀐 %2건은 남겼습니다.</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="306"/>
        <source>Tick at least one interview to export.</source>
        <translation>내보낼 면담을 하나 이상 고르세요.</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="309"/>
        <source>Consent excludes every interview you ticked for this purpose; nothing was exported.</source>
        <translation>고른 면담 모두 이 용도에 대한 동의가 없습니다. 아무것도 내보내지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="313"/>
        <source>Choose where to save the bundle first.</source>
        <translation>먼저 번들을 저장할 곳을 고르세요.</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="334"/>
        <source>Bundle written: %1
Interviews: %2 (left out by consent: %3)
Sequence number: %4
Fingerprint (manifest SHA-256): %5</source>
        <translation>번들을 썼습니다: %1
면담: %2 (동의로 제외: %3)
순번: %4
지문 (매니페스트 SHA-256): %5</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="349"/>
        <source>Exporting...</source>
        <translation>내보내는 중...</translation>
    </message>
</context>
<context>
    <name>InterviewList</name>
    <message>
        <location filename="../interview_list.py" line="40"/>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="40"/>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="41"/>
        <source>Duration</source>
        <translation>길이</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="42"/>
        <source>Transcript</source>
        <translation>녹취록</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="43"/>
        <source>Review</source>
        <translation>검토</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="44"/>
        <source>Consent</source>
        <translation>동의</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="45"/>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="124"/>
        <source>Search codes; Enter searches the words too (Ctrl+F)</source>
        <translation>코드 검색, Enter는 본문도 검색 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="130"/>
        <source>Any status</source>
        <translation>모든 상태</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="135"/>
        <source>Any consent</source>
        <translation>모든 동의</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="137"/>
        <source>Consent: %1</source>
        <translation>동의: %1</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="138"/>
        <source>Consent withdrawn</source>
        <translation>동의 철회됨</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="141"/>
        <source>Any review state</source>
        <translation>모든 검토 상태</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="142"/>
        <source>No transcript</source>
        <translation>녹취록 없음</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="142"/>
        <source>Draft</source>
        <translation>초안</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="143"/>
        <source>Partly reviewed</source>
        <translation>일부 검토됨</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="144"/>
        <source>Reviewed</source>
        <translation>검토됨</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="148"/>
        <location filename="../interview_list.py" line="226"/>
        <source>Any tag</source>
        <translation>모든 태그</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="151"/>
        <source>&amp;New interview...</source>
        <translation>새 면담(&amp;N)...</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="202"/>
        <source>withdrawn</source>
        <translation>철회됨</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="204"/>
        <source>none recorded</source>
        <translation>기록 없음</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="205"/>
        <source>%1 segments</source>
        <translation>구간 %1개</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="208"/>
        <source> (+ translation)</source>
        <translation> (+ 번역)</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="213"/>
        <source>exported</source>
        <translation>내보냄</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="213"/>
        <source>receipt received</source>
        <translation>수령 확인됨</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="214"/>
        <source>not exported</source>
        <translation>내보내지 않음</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="232"/>
        <source>%1 interviews</source>
        <translation>면담 %1건</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="250"/>
        <source>%1 passages in %2 interviews match the words.</source>
        <translation>면담 %2건에서 %1곳이 일치합니다.</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="292"/>
        <source>Interview created.</source>
        <translation>면담을 만들었습니다.</translation>
    </message>
</context>
<context>
    <name>InterviewPage</name>
    <message>
        <location filename="../interview_page.py" line="517"/>
        <source>&amp;Details and consent</source>
        <translation>정보와 동의(&amp;D)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="183"/>
        <source>Role: %1</source>
        <translation>역할: %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="189"/>
        <source>&amp;Vault</source>
        <translation>보관함(&amp;V)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="190"/>
        <source>&amp;Lock now</source>
        <translation>지금 잠그기(&amp;L)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="193"/>
        <source>&amp;Panic lock (clear everything)</source>
        <translation>긴급 잠금 - 모두 지우기(&amp;P)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="197"/>
        <source>&amp;Settings...</source>
        <translation>설정(&amp;S)...</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="200"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="204"/>
        <source>&amp;New interview...</source>
        <translation>새 면담(&amp;N)...</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="233"/>
        <source>Vault unlocked.</source>
        <translation>보관함 잠금을 해제했습니다.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="249"/>
        <source>Locked after a period without activity.</source>
        <translation>한동안 사용하지 않아 잠갔습니다.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="250"/>
        <source>Locked.</source>
        <translation>잠갔습니다.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="272"/>
        <source>Settings saved.</source>
        <translation>설정을 저장했습니다.</translation>
    </message>
</context>
<context>
    <name>NewInterviewDialog</name>
    <message>
        <location filename="../interview_list.py" line="97"/>
        <source>New interview</source>
        <translation>새 면담</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="102"/>
        <source>Pseudonym &amp;code:</source>
        <translation>가명 코드(&amp;C):</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="103"/>
        <source>Use a pseudonym, never the witness&apos;s name.</source>
        <translation>증인의 실명이 아닌 가명을 쓰세요.</translation>
    </message>
</context>
<context>
    <name>RecordingView</name>
    <message>
        <location filename="../recording_view.py" line="69"/>
        <source>Record</source>
        <translation>녹음</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="72"/>
        <source>&amp;Microphone:</source>
        <translation>마이크(&amp;M):</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="79"/>
        <source>● &amp;Record</source>
        <translation>● 녹음(&amp;R)</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="81"/>
        <location filename="../recording_view.py" line="346"/>
        <source>P&amp;ause</source>
        <translation>일시정지(&amp;A)</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="83"/>
        <source>&amp;Stop</source>
        <translation>정지(&amp;S)</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="85"/>
        <source>Add mar&amp;ker (Ctrl+M)</source>
        <translation>표시 추가(&amp;K) (Ctrl+M)</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="89"/>
        <source>Marker note (optional)</source>
        <translation>표시 메모 (선택)</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="99"/>
        <source>Input level</source>
        <translation>입력 음량</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="105"/>
        <location filename="../recording_view.py" line="348"/>
        <source>Not recording</source>
        <translation>녹음 중 아님</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="114"/>
        <source>Recordings and imported files</source>
        <translation>녹음과 가져온 파일</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="118"/>
        <source>Source</source>
        <translation>출처</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="118"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="119"/>
        <source>Duration</source>
        <translation>길이</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="119"/>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="120"/>
        <source>Added</source>
        <translation>추가한 때</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="127"/>
        <source>&amp;Import audio file...</source>
        <translation>오디오 파일 가져오기(&amp;I)...</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="133"/>
        <location filename="../recording_view.py" line="329"/>
        <source>Markers:</source>
        <translation>표시:</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="143"/>
        <source>Transcribe</source>
        <translation>받아쓰기</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="145"/>
        <source>Mo&amp;del:</source>
        <translation>모델(&amp;D):</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="154"/>
        <source>Lan&amp;guage:</source>
        <translation>언어(&amp;G):</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="158"/>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="158"/>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="159"/>
        <source>Chinese</source>
        <translation>중국어</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="159"/>
        <source>Detect</source>
        <translation>자동 감지</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="162"/>
        <source>Also draft an English &amp;translation</source>
        <translation>영어 번역 초안도 만들기(&amp;T)</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="165"/>
        <source>&amp;Transcribe</source>
        <translation>받아쓰기(&amp;T)</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="168"/>
        <source>&amp;Cancel</source>
        <translation>취소(&amp;C)</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="210"/>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="300"/>
        <source>(no note)</source>
        <translation>(메모 없음)</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="304"/>
        <source>Markers (%1):</source>
        <translation>표시(%1개):</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="309"/>
        <source>recording</source>
        <translation>녹음</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="309"/>
        <source>import</source>
        <translation>가져옴</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="346"/>
        <source>Res&amp;ume</source>
        <translation>다시 시작(&amp;U)</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="347"/>
        <source>Recording</source>
        <translation>녹음 중</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="348"/>
        <source>Paused</source>
        <translation>일시정지됨</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="371"/>
        <source>Recording. Everything is saved, encrypted, as it is recorded.</source>
        <translation>녹음 중입니다. 녹음되는 즉시 모두 암호화되어 저장됩니다.</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="400"/>
        <source>Marker added at %1.</source>
        <translation>%1에 표시를 추가했습니다.</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="409"/>
        <source>Recording saved (%1).</source>
        <translation>녹음을 저장했습니다 (%1).</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="416"/>
        <source>Import audio file</source>
        <translation>오디오 파일 가져오기</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="424"/>
        <source>Importing and checking the file...</source>
        <translation>파일을 가져와 확인하는 중...</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="428"/>
        <source>File imported; the original bytes are kept unchanged.</source>
        <translation>파일을 가져왔습니다. 원본은 바뀌지 않은 채 보존됩니다.</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="460"/>
        <source>Transcribing on this laptop (nothing leaves it)...</source>
        <translation>이 노트북에서 받아쓰는 중 (아무것도 밖으로 나가지 않습니다)...</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="479"/>
        <source>Transcription finished: %1 segments. Review them on the Transcript tab.</source>
        <translation>받아쓰기 완료: 구간 %1개. 녹취록 탭에서 검토하세요.</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="498"/>
        <source>Cancelling; the part already transcribed is kept.</source>
        <translation>취소하는 중입니다. 이미 받아쓴 부분은 보존됩니다.</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="234"/>
        <source>multilingual (Korean, English, Chinese, ...)</source>
        <translation>다국어 (한국어, 영어, 중국어 등)</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="235"/>
        <source>English only</source>
        <translation>영어 전용</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="237"/>
        <source>speed not measured yet</source>
        <translation>속도 아직 측정 안 됨</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="239"/>
        <source>%1x real time on this laptop</source>
        <translation>이 노트북에서 실시간의 %1배 속도</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="262"/>
        <source>Imported model</source>
        <translation>가져온 모델</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="263"/>
        <source>Built-in model</source>
        <translation>기본 제공 모델</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="266"/>
        <source>The speed is measured during the first transcription with this model.</source>
        <translation>속도는 이 모델로 처음 전사할 때 측정됩니다.</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="269"/>
        <source>A larger model is slower but usually more accurate.</source>
        <translation>큰 모델일수록 느리지만 대개 더 정확합니다.</translation>
    </message>
</context>
<context>
    <name>RekeyDialog</name>
    <message>
        <location filename="../rekey_dialog.py" line="32"/>
        <source>Re-encrypt the vault</source>
        <translation>금고 다시 암호화</translation>
    </message>
    <message>
        <location filename="../rekey_dialog.py" line="36"/>
        <source>Use this if the laptop, a backup or the vault folder may have been copied (for example at a checkpoint). Changing the passphrase alone does not stop a saved copy of the old vault header from opening the vault with the old passphrase. Re-encrypting rewrites the whole vault under a new key: after it, copies of earlier headers and earlier recovery codes no longer open it, and a new recovery code is shown once if the vault has one.

It cannot protect a complete copy made earlier (old header and old data together, such as a disk image): that copy still opens, as it was then, with the passphrase of that time.

Close recordings and other windows first. It takes a while for a large vault.</source>
        <translation>노트북, 백업 또는 금고 폴더가 복사되었을 수 있을 때(예: 검문소에서) 사용하십시오. 암호 문구만 바꾸면, 저장해 둔 예전 금고 헤더 사본으로 예전 암호 문구를 써서 금고를 여는 것을 막지 못합니다. 다시 암호화하면 금고 전체가 새 키로 다시 쓰입니다. 그 뒤에는 예전 헤더 사본과 예전 복구 코드로 금고를 열 수 없으며, 금고에 복구 코드가 있으면 새 복구 코드가 한 번 표시됩니다.

이전에 만들어진 완전한 사본(디스크 이미지처럼 예전 헤더와 예전 데이터를 함께 가진 사본)은 보호할 수 없습니다. 그 사본은 그때의 암호 문구로 그때 상태 그대로 열립니다.

먼저 녹음과 다른 창을 닫으십시오. 큰 금고는 시간이 걸립니다.</translation>
    </message>
    <message>
        <location filename="../rekey_dialog.py" line="53"/>
        <source>Current &amp;passphrase:</source>
        <translation>현재 암호 문구(&amp;P):</translation>
    </message>
    <message>
        <location filename="../rekey_dialog.py" line="55"/>
        <source>&amp;Re-encrypt now</source>
        <translation>지금 다시 암호화(&amp;R)</translation>
    </message>
    <message>
        <location filename="../rekey_dialog.py" line="79"/>
        <source>Type the current passphrase first.</source>
        <translation>먼저 현재 암호 문구를 입력하십시오.</translation>
    </message>
    <message>
        <location filename="../rekey_dialog.py" line="86"/>
        <source>Re-encrypting...</source>
        <translation>다시 암호화하는 중...</translation>
    </message>
    <message>
        <location filename="../rekey_dialog.py" line="107"/>
        <source>The vault was re-encrypted under a new key. Copies of earlier vault headers no longer open it; the passphrase is unchanged.</source>
        <translation>금고를 새 키로 다시 암호화했습니다. 이전 금고 헤더의 사본으로는 더 이상 열 수 없습니다. 암호 문구는 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../rekey_dialog.py" line="111"/>
        <source>New recovery code (shown once; write it down for the organisation&apos;s safe, the old one no longer works):
%1</source>
        <translation>새 복구 코드(한 번만 표시됩니다. 기관 금고에 보관하도록 적어 두십시오. 이전 코드는 더 이상 쓸 수 없습니다):
%1</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../reports_view.py" line="25"/>
        <source>By facility</source>
        <translation>시설별</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="26"/>
        <source>By agency</source>
        <translation>기관별</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="27"/>
        <source>By violation</source>
        <translation>인권침해 유형별</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="28"/>
        <source>By year (events)</source>
        <translation>연도별 (사건)</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="76"/>
        <source>%1 violation tags, %2 events across the vault.</source>
        <translation>보관함 전체: 인권침해 태그 %1개, 사건 %2건.</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="89"/>
        <source>nothing coded yet</source>
        <translation>아직 코딩한 것 없음</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="92"/>
        <source>tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="93"/>
        <source>events</source>
        <translation>사건</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="43"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="50"/>
        <source>&amp;Language of the interface:</source>
        <translation>화면 언어(&amp;L):</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="51"/>
        <source>(takes effect the next time the app starts)</source>
        <translation>(다음에 앱을 시작할 때 적용됩니다)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="55"/>
        <source> min</source>
        <translation> 분</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="57"/>
        <source>Lock after &amp;idle time:</source>
        <translation>사용하지 않으면 잠글 시간(&amp;I):</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="77"/>
        <source>Default transcription &amp;model:</source>
        <translation>기본 받아쓰기 모델(&amp;M):</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="83"/>
        <source>Default &amp;spoken language:</source>
        <translation>기본 말하기 언어(&amp;S):</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="86"/>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="92"/>
        <source>&amp;Audio input:</source>
        <translation>오디오 입력(&amp;A):</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="95"/>
        <source>Re-&amp;encrypt the vault...</source>
        <translation>금고 다시 암호화(&amp;E)...</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="100"/>
        <source>If the laptop or the vault folder may have been copied: a new key for the whole vault, so old copies of its header stop working.</source>
        <translation>노트북이나 금고 폴더가 복사되었을 수 있다면: 금고 전체에 새 키를 써서 헤더의 예전 사본이 더 이상 작동하지 않게 합니다.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="103"/>
        <source>Suspected compromise:</source>
        <translation>유출이 의심될 때:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="68"/>
        <source>%1x real time on this laptop</source>
        <translation>이 노트북에서 실시간의 %1배 속도</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="70"/>
        <source>speed not measured yet</source>
        <translation>속도 아직 측정 안 됨</translation>
    </message>
</context>
<context>
    <name>SetupScreen</name>
    <message>
        <location filename="../setup_screen.py" line="51"/>
        <source>Create your vault</source>
        <translation>보관함 만들기</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="57"/>
        <source>Everything you record is kept encrypted in this vault. Choose a long passphrase that only you know: there is no way to recover the vault without it (unless you keep the recovery code shown next).</source>
        <translation>녹음한 모든 것은 이 보관함에 암호화되어 보관됩니다. 나만 아는 긴 암호 문구를 고르세요. 암호 문구 없이는 보관함을 되살릴 방법이 없습니다 (다음에 보여 주는 복구 코드를 보관한 경우는 예외).</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="69"/>
        <source>&amp;Passphrase:</source>
        <translation>암호 문구(&amp;P):</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="70"/>
        <source>&amp;Repeat:</source>
        <translation>다시 입력(&amp;R):</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="76"/>
        <source>Strength:</source>
        <translation>강도:</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="78"/>
        <source>Also create a &amp;recovery code for the organisation&apos;s safe</source>
        <translation>단체 금고에 보관할 복구 코드도 만들기(&amp;R)</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="93"/>
        <source>&amp;Create vault</source>
        <translation>보관함 만들기(&amp;C)</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="105"/>
        <source>Your vault is ready</source>
        <translation>보관함이 준비되었습니다</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="109"/>
        <source>Write this recovery code on paper and give it to your organisation&apos;s safe. It is shown only now, never again, and is never stored on this laptop.</source>
        <translation>이 복구 코드를 종이에 적어 단체 금고에 맡기세요. 지금 한 번만 보여 주며 이 노트북에는 저장되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="127"/>
        <source>&amp;Pin your supervisor&apos;s public key (optional)...</source>
        <translation>감독자 공개 키 고정 - 선택(&amp;P)...</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="135"/>
        <source>I have &amp;written the code down</source>
        <translation>코드를 받아 적었습니다(&amp;W)</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="140"/>
        <source>C&amp;ontinue</source>
        <translation>계속(&amp;O)</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="163"/>
        <source>The two passphrases differ.</source>
        <translation>두 암호 문구가 다릅니다.</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="170"/>
        <source>Too short: use at least 8 characters (a sentence is best).</source>
        <translation>너무 짧습니다: 8자 이상을 쓰세요 (문장이 가장 좋습니다).</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="171"/>
        <source>Weak: add more words; a short sentence only you know works well.</source>
        <translation>약함: 낱말을 더하세요. 나만 아는 짧은 문장이 좋습니다.</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="172"/>
        <source>Fair: a few more words would make it much harder to guess.</source>
        <translation>보통: 낱말을 몇 개 더하면 훨씬 추측하기 어려워집니다.</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="173"/>
        <source>Good.</source>
        <translation>좋음.</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="173"/>
        <source>Strong.</source>
        <translation>강함.</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="212"/>
        <source>Measuring this laptop to choose strong key-derivation settings (a few seconds)...</source>
        <translation>강력한 키 유도 설정을 고르기 위해 이 노트북을 측정하는 중 (몇 초)...</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="234"/>
        <source>This laptop&apos;s device fingerprint: %1</source>
        <translation>이 노트북의 기기 지문: %1</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="243"/>
        <source>Supervisor public key file</source>
        <translation>감독자 공개 키 파일</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="258"/>
        <source>Pinned. Compare this fingerprint with your supervisor: %1</source>
        <translation>고정했습니다. 이 지문을 감독자와 맞춰 보세요: %1</translation>
    </message>
</context>
<context>
    <name>SupervisorView</name>
    <message>
        <location filename="../supervisor_view.py" line="54"/>
        <source>Supervisor &amp;key file...</source>
        <translation>감독자 키 파일(&amp;K)...</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="56"/>
        <location filename="../supervisor_view.py" line="144"/>
        <source>No supervisor key loaded.</source>
        <translation>감독자 키를 불러오지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="62"/>
        <source>&amp;Open bundle...</source>
        <translation>번들 열기(&amp;O)...</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="64"/>
        <source>&amp;Pin the signing device...</source>
        <translation>서명한 기기 고정(&amp;P)...</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="67"/>
        <source>&amp;Import</source>
        <translation>가져오기(&amp;I)</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="70"/>
        <source>Write &amp;receipt...</source>
        <translation>수령증 쓰기(&amp;R)...</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="93"/>
        <source>&amp;Last group, as read aloud:</source>
        <translation>소리 내어 읽어 준 마지막 묶음(&amp;L):</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="98"/>
        <source>&amp;Confirm and pin</source>
        <translation>확인하고 고정(&amp;C)</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="101"/>
        <source>Pin from a &amp;key file obtained in person...</source>
        <translation>직접 받은 키 파일로 고정(&amp;K)...</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="121"/>
        <source>Supervisor key file</source>
        <translation>감독자 키 파일</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="123"/>
        <source>Open bundle</source>
        <translation>번들 열기</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="131"/>
        <source>Device key file (from &apos;testimony device show&apos;)</source>
        <translation>기기 키 파일 (&apos;testimony device show&apos;의 출력)</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="156"/>
        <source>Supervisor key loaded: %1</source>
        <translation>감독자 키를 불러왔습니다: %1</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="199"/>
        <source>Verified: signed by a pinned device, every file checks out. Chain: %1</source>
        <translation>검증됨: 고정된 기기가 서명했고 모든 파일이 일치합니다. 순서: %1</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="215"/>
        <source>Not accepted: %1</source>
        <translation>받아들이지 않음: %1</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="231"/>
        <source>Before pinning, call the interviewer and ask them to read aloud their laptop&apos;s device fingerprint (&apos;testimony device show&apos; on the laptop). This bundle was signed by device %1 with the fingerprint %2. If every group they read matches, type the last group, which only they can tell you. Or pin from the key file the laptop printed, handed to you in person.</source>
        <translation>고정하기 전에 면담자에게 연락해 노트북의 기기 지문(노트북에서 &apos;testimony device show&apos;)을 소리 내어 읽어 달라고 하세요. 이 번들은 기기 %1이(가) 지문 %2(으)로 서명했습니다. 읽어 준 묶음이 모두 일치하면, 면담자만 알려 줄 수 있는 마지막 묶음을 입력하세요. 또는 노트북이 출력한 키 파일을 직접 건네받아 그것으로 고정하세요.</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="265"/>
        <source>The group you typed is not the last group of this bundle&apos;s key, so nothing was pinned: check it with the interviewer, and if it still differs, do not trust this bundle (it may not come from their laptop).</source>
        <translation>입력한 묶음이 이 번들 키의 마지막 묶음과 달라서 아무것도 고정하지 않았습니다. 면담자와 다시 확인하고, 그래도 다르면 이 번들을 믿지 마세요 (그 노트북에서 온 것이 아닐 수 있습니다).</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="269"/>
        <location filename="../supervisor_view.py" line="298"/>
        <source>Device %1 pinned.</source>
        <translation>기기 %1을(를) 고정했습니다.</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="294"/>
        <source>That key file is not the key that signed this bundle, so nothing was pinned: do not trust this bundle unless the interviewer confirms in person which key their laptop has.</source>
        <translation>그 키 파일은 이 번들에 서명한 키가 아니어서 아무것도 고정하지 않았습니다. 면담자가 노트북의 키를 직접 확인해 주기 전에는 이 번들을 믿지 마세요.</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="308"/>
        <source>Load the supervisor key and open a bundle first.</source>
        <translation>먼저 감독자 키를 불러오고 번들을 여세요.</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="316"/>
        <source>This bundle was already imported; nothing changed. You can write its receipt again.</source>
        <translation>이미 가져온 번들입니다. 바뀐 것은 없습니다. 수령증은 다시 쓸 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="319"/>
        <source>Imported: %1 records added, %2 already present, %3 conflicts kept for review.</source>
        <translation>가져왔습니다: 기록 %1개 추가, %2개는 이미 있음, 충돌 %3개는 검토용으로 보관.</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="328"/>
        <source>Left out of the receipt until their conflicts are reconciled (the laptop keeps them): %1</source>
        <translation>충돌이 해소될 때까지 영수증에서 제외됨(노트북에 그대로 남습니다): %1</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="332"/>
        <source>Warning: %1</source>
        <translation>경고: %1</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="342"/>
        <source>Save receipt as</source>
        <translation>수령증 저장</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="355"/>
        <source>Receipt written to %1; give it to the interviewer.</source>
        <translation>수령증을 %1에 썼습니다. 면담자에게 전달하세요.</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <location filename="../transcript_view.py" line="193"/>
        <location filename="../transcript_view.py" line="678"/>
        <source>&amp;Play</source>
        <translation>재생(&amp;P)</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="203"/>
        <source>Add &amp;marker here</source>
        <translation>여기에 표시 추가(&amp;M)</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="205"/>
        <source>A marker at the player&apos;s position (%1); it appears in the list and on the Recording tab.</source>
        <translation>재생 위치에 표시를 추가합니다(%1). 목록과 녹음 탭에 나타납니다.</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="210"/>
        <source>Needs &amp;review: least certain first</source>
        <translation>검토 필요: 불확실한 구간부터(&amp;R)</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="215"/>
        <source>Review:</source>
        <translation>검토:</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="224"/>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="224"/>
        <source>Speaker</source>
        <translation>화자</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="226"/>
        <source>Original</source>
        <translation>원문</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="227"/>
        <source>Translation</source>
        <translation>번역</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="227"/>
        <source>Text</source>
        <translation>본문</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="228"/>
        <source>Review</source>
        <translation>검토</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="342"/>
        <source>Play the recording or select a segment first; the marker goes where the player is.</source>
        <translation>먼저 녹음을 재생하거나 구간을 고르십시오. 표시는 재생 위치에 추가됩니다.</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="348"/>
        <source>Marker added at %1.</source>
        <translation>%1에 표시를 추가했습니다.</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="370"/>
        <source>No transcript yet: transcribe the recording on the Recording tab.</source>
        <translation>아직 녹취록이 없습니다. 녹음 탭에서 받아쓰기를 하세요.</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="403"/>
        <source>◆ Marker</source>
        <translation>◆ 표시</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="549"/>
        <source>Saved as a new revision.</source>
        <translation>새 개정판으로 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="573"/>
        <source>Speaker saved.</source>
        <translation>화자를 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="610"/>
        <source>Review status saved.</source>
        <translation>검토 상태를 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="633"/>
        <source>Decoding the recording for listening...</source>
        <translation>듣기 위해 녹음을 푸는 중...</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="678"/>
        <source>&amp;Pause</source>
        <translation>일시정지(&amp;P)</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="213"/>
        <source>Only segments not yet reviewed, those the engine was least sure of first.</source>
        <translation>아직 검토하지 않은 구간만, 엔진이 가장 확신하지 못한 구간부터 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="252"/>
        <source>Term suggestions (one click accepts):</source>
        <translation>용어 제안(한 번 누르면 적용):</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="442"/>
        <source>Low confidence ({0:.2f}): the engine was unsure of this segment; check it against the audio.</source>
        <translation>낮은 신뢰도({0:.2f}): 엔진이 이 구간을 확신하지 못했습니다. 녹음과 대조해 확인하세요.</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="445"/>
        <source>Shaded words: the engine was unsure of them.</source>
        <translation>음영 표시된 단어: 엔진이 확신하지 못한 단어입니다.</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="447"/>
        <source>Underlined: a taxonomy name may have been meant; see the suggestions below the table.</source>
        <translation>밑줄: 분류 체계의 용어를 뜻했을 수 있습니다. 표 아래의 제안을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="465"/>
        <source>Replace “{0}” with the taxonomy name “{1}” ({2}); kept as a revision with this reason.</source>
        <translation>“{0}”을(를) 분류 체계 용어 “{1}”({2})(으)로 바꿉니다. 이 사유와 함께 수정 이력으로 보관됩니다.</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="493"/>
        <source>Suggestion accepted: saved as a new revision.</source>
        <translation>제안을 적용했습니다: 새 개정판으로 저장했습니다.</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <location filename="../unlock_screen.py" line="39"/>
        <source>The vault is locked</source>
        <translation>보관함이 잠겨 있습니다</translation>
    </message>
    <message>
        <location filename="../unlock_screen.py" line="53"/>
        <source>&amp;Passphrase:</source>
        <translation>암호 문구(&amp;P):</translation>
    </message>
    <message>
        <location filename="../unlock_screen.py" line="54"/>
        <source>This is the &amp;recovery code</source>
        <translation>복구 코드입니다(&amp;R)</translation>
    </message>
    <message>
        <location filename="../unlock_screen.py" line="67"/>
        <source>&amp;Unlock</source>
        <translation>잠금 해제(&amp;U)</translation>
    </message>
    <message>
        <location filename="../unlock_screen.py" line="100"/>
        <source>Type the passphrase first.</source>
        <translation>먼저 암호 문구를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../unlock_screen.py" line="119"/>
        <source>Unlocking...</source>
        <translation>잠금 해제 중...</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../main_window.py" line="46"/>
        <source>&amp;Recording and files</source>
        <translation>녹음과 파일(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="47"/>
        <source>&amp;Transcript</source>
        <translation>녹취록(&amp;T)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="48"/>
        <source>C&amp;oding</source>
        <translation>코딩(&amp;O)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="49"/>
        <source>Tra&amp;nslation</source>
        <translation>번역(&amp;N)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="52"/>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="53"/>
        <source>S&amp;upervisor</source>
        <translation>감독자(&amp;U)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="54"/>
        <source>Re&amp;ports</source>
        <translation>보고서(&amp;P)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="81"/>
        <source>&amp;Interviews</source>
        <translation>면담 목록(&amp;I)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="82"/>
        <source>Inter&amp;view</source>
        <translation>면담(&amp;V)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="105"/>
        <source>Open interview: %1</source>
        <translation>열린 면담: %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="130"/>
        <source>Warning: %1 Someone may have tried to open this vault.</source>
        <translation>경고: %1 누군가 이 보관함을 열려고 했을 수 있습니다.</translation>
    </message>
</context>
</TS>
