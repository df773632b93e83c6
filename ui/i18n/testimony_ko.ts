<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Archive</name>
    <message>
        <location filename="../archive_screen.py" line="32"/>
        <source>Recordings in the archive are encrypted to the archive key, which is kept off this machine, so they cannot be played here.</source>
        <translation>아카이브의 녹음은 이 컴퓨터에 없는 아카이브 키로 암호화되어 있으므로 여기서 재생할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>ArchiveScreen</name>
    <message>
        <location filename="../archive_screen.py" line="52"/>
        <source>Open the organisation&apos;s archive</source>
        <translation>기관의 아카이브 열기</translation>
    </message>
    <message>
        <location filename="../archive_screen.py" line="58"/>
        <source>The archive is the organisation&apos;s database at the office. Your password is asked each time and never stored; the address is remembered without it.</source>
        <translation>아카이브는 사무실에 있는 기관의 데이터베이스입니다. 비밀번호는 매번 묻고 저장하지 않으며, 주소는 비밀번호 없이 기억합니다.</translation>
    </message>
    <message>
        <location filename="../archive_screen.py" line="66"/>
        <source>&amp;Address:</source>
        <translation>주소(&amp;A):</translation>
    </message>
    <message>
        <location filename="../archive_screen.py" line="70"/>
        <source>&amp;Password:</source>
        <translation>비밀번호(&amp;P):</translation>
    </message>
    <message>
        <location filename="../archive_screen.py" line="81"/>
        <source>&amp;Back to this laptop&apos;s vault</source>
        <translation>이 노트북의 보관함으로 돌아가기(&amp;B)</translation>
    </message>
    <message>
        <location filename="../archive_screen.py" line="85"/>
        <source>&amp;Open archive</source>
        <translation>아카이브 열기(&amp;O)</translation>
    </message>
    <message>
        <location filename="../archive_screen.py" line="112"/>
        <source>Type the archive&apos;s address first.</source>
        <translation>먼저 아카이브 주소를 입력하십시오.</translation>
    </message>
    <message>
        <location filename="../archive_screen.py" line="120"/>
        <source>Connecting to the archive...</source>
        <translation>아카이브에 연결하는 중...</translation>
    </message>
</context>
<context>
    <name>CodingView</name>
    <message>
        <location filename="../coding_view.py" line="42"/>
        <source>1997-03-14, 1997-03, 1997-summer, 1997, 1990s, 1995..1997, before 1997, about 1997</source>
        <translation>1997-03-14, 1997년 3월, 1997년 여름, 1997년, 1990년대, 1995년부터 1997년까지, 1997년 이전, 1997년경</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="68"/>
        <source>Find a term (한국어 / English)</source>
        <translation>용어 찾기 (한국어 / English)</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="89"/>
        <source>Se&amp;gments</source>
        <translation>구간(&amp;G)</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="94"/>
        <source>Select words, choose a term, then apply:</source>
        <translation>낱말을 선택하고 용어를 고른 뒤 적용하세요:</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="104"/>
        <source>(confidence)</source>
        <translation>(신뢰도)</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="108"/>
        <source>&amp;Apply tag</source>
        <translation>태그 적용(&amp;A)</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="111"/>
        <source>Tag the whole &amp;interview</source>
        <translation>면담 전체에 태그(&amp;I)</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="120"/>
        <source>&amp;Tags (double-click to jump)</source>
        <translation>태그 - 두 번 누르면 이동(&amp;T)</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="126"/>
        <source>E&amp;vents</source>
        <translation>사건(&amp;V)</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="131"/>
        <source>New event (selected tags are linked as evidence)</source>
        <translation>새 사건 (선택한 태그가 증거로 연결됩니다)</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="135"/>
        <source>A&amp;ct:</source>
        <translation>행위(&amp;C):</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="138"/>
        <source>witness, or a pseudonym such as V2 (brother)</source>
        <translation>증인 본인, 또는 V2 (형제) 같은 가명</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="139"/>
        <source>Vic&amp;tim:</source>
        <translation>피해자(&amp;T):</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="142"/>
        <source>&amp;Perpetrator:</source>
        <translation>가해자(&amp;P):</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="145"/>
        <source>a facility or place term, or free text</source>
        <translation>시설이나 장소 용어, 또는 자유 기재</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="146"/>
        <source>Pl&amp;ace:</source>
        <translation>장소(&amp;A):</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="151"/>
        <source>&amp;Date:</source>
        <translation>날짜(&amp;D):</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="154"/>
        <location filename="../coding_view.py" line="262"/>
        <source>(not recorded)</source>
        <translation>(기록 안 함)</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="157"/>
        <source>&amp;Witness:</source>
        <translation>증인(&amp;W):</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="158"/>
        <source>Add &amp;event</source>
        <translation>사건 추가(&amp;E)</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="217"/>
        <source>whole interview</source>
        <translation>면담 전체</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="218"/>
        <source> (check: text changed)</source>
        <translation> (확인 필요: 문장이 바뀜)</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="224"/>
        <source>date unknown</source>
        <translation>날짜 모름</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="231"/>
        <location filename="../coding_view.py" line="233"/>
        <source>No transcript yet: you can still tag the whole interview or add events.</source>
        <translation>아직 녹취록이 없습니다. 면담 전체에 태그를 달거나 사건을 추가할 수는 있습니다.</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="347"/>
        <source>Choose a term in the tree first.</source>
        <translation>먼저 분류 트리에서 용어를 고르세요.</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="354"/>
        <source>Choose a segment and select words in it first, or tag the whole interview.</source>
        <translation>먼저 구간을 고르고 그 안의 낱말을 선택하거나, 면담 전체에 태그를 다세요.</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="363"/>
        <source>Tag applied.</source>
        <translation>태그를 달았습니다.</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="404"/>
        <source>Choose the act (a violation term) first.</source>
        <translation>먼저 행위(인권침해 용어)를 고르세요.</translation>
    </message>
    <message>
        <location filename="../coding_view.py" line="415"/>
        <source>Event added.</source>
        <translation>사건을 추가했습니다.</translation>
    </message>
</context>
<context>
    <name>ConnectView</name>
    <message>
        <location filename="../connect_view.py" line="49"/>
        <source>produced</source>
        <translation>생산함</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="50"/>
        <source>handled</source>
        <translation>취급함</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="51"/>
        <source>shipped through</source>
        <translation>경유 운송됨</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="52"/>
        <source>imposed</source>
        <translation>부과함</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="53"/>
        <source>commanded</source>
        <translation>지휘함</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="56"/>
        <source>UN body</source>
        <translation>유엔 기구</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="57"/>
        <source>court</source>
        <translation>법원</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="58"/>
        <source>publication</source>
        <translation>출판</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="139"/>
        <source>Facilities × commodities</source>
        <extracomment>(asset id, seconds): a quote asked to be played (tests observe it too).</extracomment>
        <translation>시설 × 품목</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="149"/>
        <source>Year</source>
        <translation>연도</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="149"/>
        <source>Accounts</source>
        <translation>진술</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="149"/>
        <location filename="../connect_view.py" line="162"/>
        <source>Testimonies</source>
        <translation>증언</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="151"/>
        <source>Timeline</source>
        <translation>연표</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="162"/>
        <source>From</source>
        <translation>출발</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="162"/>
        <source>Relation</source>
        <translation>관계</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="162"/>
        <source>To</source>
        <translation>도착</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="163"/>
        <source>Independent witnesses</source>
        <translation>독립 증인</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="165"/>
        <source>Supply chain</source>
        <translation>공급망</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="177"/>
        <source>Witness</source>
        <translation>증인</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="177"/>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="177"/>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="177"/>
        <source>Quote</source>
        <translation>인용</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="178"/>
        <source>Reviewed translation</source>
        <translation>검토된 번역</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="190"/>
        <source>Brief for:</source>
        <translation>보고서 용도:</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="192"/>
        <source>Evidence &amp;brief…</source>
        <translation>증거 보고서(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="248"/>
        <source>%1 testimonies from %2 independent witnesses</source>
        <translation>독립 증인 %2명의 증언 %1건</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="254"/>
        <source>Linked by testimony: facilities %1, commodities %2. The numbers are independent witnesses. Click one to read the quotes behind it.</source>
        <translation>증언으로 연결된 시설 %1곳과 품목 %2개입니다. 숫자는 독립 증인 수이며, 누르면 그 근거가 된 인용을 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="357"/>
        <source>other relation (%1)</source>
        <translation>기타 관계(%1)</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="381"/>
        <source>no dated account</source>
        <translation>날짜가 있는 진술 없음</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="383"/>
        <source>%1: %2 testimonies from %3 independent witnesses (%4).</source>
        <translation>%1: 독립 증인 %3명의 증언 %2건 (%4).</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="396"/>
        <source>%1 more not listed (the first %2 of %3, most relevant first).</source>
        <translation>%1건이 더 있습니다(전체 %3건 중 관련성이 높은 순으로 처음 %2건만 표시).</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="400"/>
        <source>Accounts that disagree (shown, not averaged):</source>
        <translation>서로 다른 진술 (평균 내지 않고 그대로 표시):</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="414"/>
        <source>This quote has no audio time to play.</source>
        <translation>이 인용에는 재생할 음성 시간이 없습니다.</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="424"/>
        <source>Decoding the recording for listening...</source>
        <translation>듣기 위해 녹음을 푸는 중...</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="444"/>
        <source>Save the evidence brief</source>
        <translation>증거 보고서 저장</translation>
    </message>
    <message>
        <location filename="../connect_view.py" line="459"/>
        <source>Brief written: %1 quotes; %2 testimonies left out (consent or withdrawal).</source>
        <translation>보고서를 저장했습니다: 인용 %1건, 제외된 증언 %2건 (동의 범위 또는 철회).</translation>
    </message>
</context>
<context>
    <name>CoverScreen</name>
    <message>
        <location filename="../cover_screen.py" line="16"/>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <location filename="../cover_screen.py" line="31"/>
        <source>Nothing is open.</source>
        <translation>열린 항목이 없습니다.</translation>
    </message>
    <message>
        <location filename="../cover_screen.py" line="36"/>
        <source>C&amp;ontinue</source>
        <translation>계속(&amp;O)</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <location filename="../labels.py" line="104"/>
        <source>spring</source>
        <translation>봄</translation>
    </message>
    <message>
        <location filename="../labels.py" line="105"/>
        <source>summer</source>
        <translation>여름</translation>
    </message>
    <message>
        <location filename="../labels.py" line="106"/>
        <source>autumn</source>
        <translation>가을</translation>
    </message>
    <message>
        <location filename="../labels.py" line="107"/>
        <source>winter</source>
        <translation>겨울</translation>
    </message>
    <message>
        <location filename="../labels.py" line="118"/>
        <source>%1-%2</source>
        <comment>year and month</comment>
        <translation>%1년 %3월</translation>
    </message>
    <message>
        <location filename="../labels.py" line="121"/>
        <source>%1-%2</source>
        <comment>year and season</comment>
        <translation>%1년 %2</translation>
    </message>
    <message>
        <location filename="../labels.py" line="124"/>
        <source>%1s</source>
        <comment>decade</comment>
        <translation>%1년대</translation>
    </message>
    <message>
        <location filename="../labels.py" line="126"/>
        <source>%1</source>
        <comment>year</comment>
        <translation>%1년</translation>
    </message>
    <message>
        <location filename="../labels.py" line="141"/>
        <source>unknown</source>
        <comment>date</comment>
        <translation>모름</translation>
    </message>
    <message>
        <location filename="../labels.py" line="143"/>
        <source>%1..%2</source>
        <comment>date range</comment>
        <translation>%1부터 %2까지</translation>
    </message>
    <message>
        <location filename="../labels.py" line="146"/>
        <source>before %1</source>
        <translation>%1 이전</translation>
    </message>
    <message>
        <location filename="../labels.py" line="148"/>
        <source>after %1</source>
        <translation>%1 이후</translation>
    </message>
    <message>
        <location filename="../labels.py" line="153"/>
        <source>about %1</source>
        <translation>%1경</translation>
    </message>
</context>
<context>
    <name>DetailsForm</name>
    <message>
        <location filename="../interview_page.py" line="59"/>
        <source>keep in the organisation&apos;s archive</source>
        <translation>단체 기록보관소에 보관</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="60"/>
        <source>share with UN bodies</source>
        <translation>유엔 기구와 공유</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="61"/>
        <source>use in court proceedings</source>
        <translation>재판 절차에 사용</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="62"/>
        <source>publish (pseudonymised)</source>
        <translation>공개 (가명 처리)</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="63"/>
        <source>the witness&apos;s name may be disclosed</source>
        <translation>증인의 이름을 밝혀도 됨</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="73"/>
        <source>Unsaved changes</source>
        <translation>저장되지 않은 변경 사항</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="117"/>
        <source>Sav&amp;e</source>
        <translation>저장(&amp;E)</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="119"/>
        <source>Fields are saved when you leave them; this saves everything now (Ctrl+S).</source>
        <translation>항목은 다른 곳으로 옮겨 갈 때 저장됩니다. 이 단추는 모든 항목을 지금 저장합니다(Ctrl+S).</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="138"/>
        <source>Interview</source>
        <translation>면담</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="142"/>
        <source>The pseudonym code; changing it renames the interview (recorded in the audit log).</source>
        <translation>가명 코드입니다. 바꾸면 면담의 이름이 바뀝니다(감사 기록에 남습니다).</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="144"/>
        <source>Pseudonym &amp;code:</source>
        <translation>가명 코드(&amp;C):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="151"/>
        <location filename="../interview_page.py" line="221"/>
        <source>not recorded</source>
        <translation>기록 안 됨</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="299"/>
        <source>Consent withdrawn on %1: its testimony is left out of every export and brief; supervisors who have it are told in the next bundle.</source>
        <translation>%1에 동의가 철회되었습니다. 증언 내용은 모든 내보내기와 보고서에서 제외되며, 이 면담을 가진 감독자에게는 다음 번들로 알립니다.</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="325"/>
        <source>Stored as text that is not a date: %1. Choose the date again.</source>
        <translation>날짜가 아닌 글자로 저장되어 있습니다: %1. 날짜를 다시 고르십시오.</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="396"/>
        <source>A year must be four digits, like 1985; it was not saved.</source>
        <translation>연도는 1985처럼 네 자리 숫자여야 합니다. 저장되지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="475"/>
        <source>Saved at %1.</source>
        <translation>%1에 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="497"/>
        <source>Some values on the Details page could not be saved: %1 Discard them?</source>
        <translation>세부 정보 페이지의 일부 값을 저장할 수 없었습니다: %1 이 값을 버리시겠습니까?</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="155"/>
        <source>&amp;Interviewer:</source>
        <translation>면담자(&amp;I):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="125"/>
        <source>On the archive the interview&apos;s details and consent are the field laptop&apos;s, as its bundles delivered them; only a withdrawal of consent is recorded here.</source>
        <translation>아카이브에서 면담의 세부 정보와 동의는 현장 노트북이 번들로 전달한 그대로입니다. 여기서는 동의 철회만 기록할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="156"/>
        <source>Inter&amp;preter:</source>
        <translation>통역자(&amp;P):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="157"/>
        <source>&amp;Date and time:</source>
        <translation>날짜와 시간(&amp;D):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="158"/>
        <source>&amp;Time zone:</source>
        <translation>시간대(&amp;T):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="159"/>
        <source>P&amp;lace (general):</source>
        <translation>장소 - 대략(&amp;L):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="160"/>
        <source>Lan&amp;guages (comma separated):</source>
        <translation>언어 - 쉼표로 구분(&amp;G):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="181"/>
        <source>&amp;Status:</source>
        <translation>상태(&amp;S):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="186"/>
        <source>&amp;Notes:</source>
        <translation>메모(&amp;N):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="189"/>
        <source>Witness (sensitive: never in &apos;share&apos; exports)</source>
        <translation>증인 (민감 정보: &apos;share&apos; 내보내기에는 절대 포함 안 됨)</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="192"/>
        <source>&amp;Birth year:</source>
        <translation>출생 연도(&amp;B):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="193"/>
        <source>Home pro&amp;vince:</source>
        <translation>출신 도(&amp;V):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="194"/>
        <source>&amp;Year left North Korea:</source>
        <translation>북한을 떠난 해(&amp;Y):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="195"/>
        <source>Songbun as &amp;stated:</source>
        <translation>본인이 말한 성분(&amp;S):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="202"/>
        <source>Consent</source>
        <translation>동의</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="212"/>
        <source>(not recorded)</source>
        <translation>(기록 안 함)</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="215"/>
        <source>Given &amp;as:</source>
        <translation>동의 방식(&amp;A):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="222"/>
        <source>Given &amp;on:</source>
        <translation>동의 날짜(&amp;O):</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="230"/>
        <source>How and when the witness withdrew</source>
        <translation>증인이 언제 어떻게 철회했는지</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="231"/>
        <source>The witness &amp;withdrew consent</source>
        <translation>증인이 동의를 철회함(&amp;W)</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="233"/>
        <source>Record &amp;withdrawal</source>
        <translation>철회 기록(&amp;W)</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="239"/>
        <source>Withdrawal:</source>
        <translation>철회:</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="298"/>
        <source>Consent withdrawn on %1: briefs leave this interview out.</source>
        <translation>%1에 동의가 철회되었습니다. 보고서에서 이 면담을 제외합니다.</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="514"/>
        <source>Withdrawal recorded: its testimony is left out of exports and briefs, and the next bundle tells the supervisors who have it.</source>
        <translation>철회를 기록했습니다. 증언 내용은 내보내기와 보고서에서 제외되며, 이 면담을 가진 감독자에게는 다음 번들로 알립니다.</translation>
    </message>
    <message>
        <location filename="../interview_page.py" line="512"/>
        <source>Withdrawal recorded; briefs will leave the interview out.</source>
        <translation>철회를 기록했습니다. 보고서에서 이 면담을 제외합니다.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../errors/catalog.py" line="30"/>
        <source>The vault database is damaged or could not be read; restore it from a backup and report the problem.</source>
        <translation>보관함 데이터베이스가 손상되었거나 읽을 수 없습니다. 백업에서 복원하고 문제를 보고하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="33"/>
        <source>A file operation failed ({reason}); check the path and free disk space.</source>
        <translation>파일 작업이 실패했습니다({reason}). 경로와 남은 디스크 공간을 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="35"/>
        <source>An unexpected error occurred ({error}); nothing more was changed — report it.</source>
        <translation>예기치 않은 오류가 발생했습니다({error}). 더 이상 변경된 것은 없습니다. 이 문제를 보고하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="38"/>
        <source>Cancelled; nothing more was changed.</source>
        <translation>취소되었습니다. 더 이상 변경된 것은 없습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="40"/>
        <source>This installation has no PostgreSQL support (the psycopg package); install Testimony Vault with its archive extra on the machines that use the archive.</source>
        <translation>이 설치본에는 PostgreSQL 지원(psycopg 패키지)이 없습니다. 아카이브를 사용하는 컴퓨터에는 archive 추가 구성요소와 함께 Testimony Vault를 설치하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="43"/>
        <source>Cannot connect to the archive ({where}); check the address and that the server is running, then try again.</source>
        <translation>아카이브({where})에 연결할 수 없습니다. 주소와 서버가 실행 중인지 확인한 뒤 다시 시도하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="46"/>
        <source>The archive address cannot be read; write it as postgresql://user@host/database and try again.</source>
        <translation>아카이브 주소를 읽을 수 없습니다. postgresql://user@host/database 형식으로 적은 뒤 다시 시도하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="49"/>
        <source>The archive server refused the login ({where}); check the user name, the password and the database name, then try again.</source>
        <translation>아카이브 서버가 로그인을 거부했습니다({where}). 사용자 이름, 비밀번호, 데이터베이스 이름을 확인한 뒤 다시 시도하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="52"/>
        <source>The database account {login} is not a supervisor, analyst or translator of the archive; ask the archive&apos;s administrator to give it one of these roles.</source>
        <translation>데이터베이스 계정 {login}은(는) 아카이브의 감독자, 분석가, 번역자 중 어느 것도 아닙니다. 아카이브 관리자에게 이 역할 중 하나를 요청하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="55"/>
        <source>The {where} is not a Testimony Vault archive; check the address, or create an archive there first.</source>
        <translation>{where}은(는) Testimony Vault 아카이브가 아닙니다. 주소를 확인하거나 먼저 그곳에 아카이브를 만드십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="58"/>
        <source>This database account may not open the archive ({where}); ask the archive&apos;s administrator for a supervisor, analyst or translator account.</source>
        <translation>이 데이터베이스 계정으로는 아카이브({where})를 열 수 없습니다. 아카이브 관리자에게 감독자, 분석가 또는 번역가 계정을 요청하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="61"/>
        <source>The archive was made for data version {version} and this program uses version {expected}; use the matching Testimony Vault version.</source>
        <translation>이 아카이브는 데이터 버전 {version}용으로 만들어졌고 이 프로그램은 버전 {expected}을(를) 사용합니다. 맞는 Testimony Vault 버전을 사용하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="64"/>
        <source>The archive was made for data version {version} and this program uses version {expected}; ask the archive&apos;s administrator to bring it up to date with &apos;testimony archive upgrade&apos;.</source>
        <translation>이 아카이브는 데이터 버전 {version}용으로 만들어졌고 이 프로그램은 버전 {expected}을(를) 사용합니다. 아카이브 관리자에게 &apos;testimony archive upgrade&apos;로 최신 상태로 올려 달라고 요청하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="68"/>
        <source>Only the account that owns the archive&apos;s tables may upgrade the {where}; nothing was changed, run it again as the archive&apos;s administrator.</source>
        <translation>아카이브의 테이블을 소유한 계정만 {where}을(를) 업그레이드할 수 있습니다. 아무것도 변경되지 않았습니다. 아카이브 관리자 계정으로 다시 실행하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="71"/>
        <source>The {where} already holds an archive or other tables; nothing was changed, choose an empty database.</source>
        <translation>{where}에 이미 아카이브나 다른 테이블이 있습니다. 아무것도 변경되지 않았습니다. 빈 데이터베이스를 선택하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="74"/>
        <source>{path} already exists; choose a new file for the archive key.</source>
        <translation>{path}이(가) 이미 있습니다. 아카이브 키를 저장할 새 파일을 선택하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="76"/>
        <source>The folder {path} does not exist; create it or choose another place for the archive key.</source>
        <translation>폴더 {path}이(가) 없습니다. 폴더를 만들거나 아카이브 키를 저장할 다른 위치를 선택하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="79"/>
        <source>{path} is not a readable archive key file; give the key file written when the archive was created.</source>
        <translation>{path}은(는) 읽을 수 있는 아카이브 키 파일이 아닙니다. 아카이브를 만들 때 기록된 키 파일을 지정하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="82"/>
        <source>{path} is not an empty folder; choose an empty or new folder for the archive&apos;s recordings.</source>
        <translation>{path}은(는) 빈 폴더가 아닙니다. 아카이브 녹음을 보관할 빈 폴더나 새 폴더를 선택하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="85"/>
        <source>{sha256} is not a SHA-256 name of a recording; nothing was read or written.</source>
        <translation>{sha256}은(는) 녹음의 SHA-256 이름이 아닙니다. 아무것도 읽거나 쓰지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="87"/>
        <source>The recording {sha256} does not match its SHA-256, so it was not used; restore the archive&apos;s recordings folder from a backup.</source>
        <translation>녹음 {sha256}이(가) SHA-256과 일치하지 않아 사용하지 않았습니다. 백업에서 아카이브의 녹음 폴더를 복원하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="90"/>
        <source>The recording {sha256} is missing from the archive&apos;s recordings folder; restore it from a backup.</source>
        <translation>녹음 {sha256}이(가) 아카이브의 녹음 폴더에 없습니다. 백업에서 복원하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="93"/>
        <source>The recording {sha256} cannot be decrypted with this key or was damaged; check the key file, or restore the recording from a backup.</source>
        <translation>녹음 {sha256}을(를) 이 키로 복호화할 수 없거나 녹음이 손상되었습니다. 키 파일을 확인하거나 백업에서 녹음을 복원하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="96"/>
        <source>The archive refused this to your database account ({action}); ask a person with the right role to do it.</source>
        <translation>아카이브가 이 데이터베이스 계정의 작업({action})을 거부했습니다. 해당 역할을 가진 사람에게 요청하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="99"/>
        <source>After copying, the archive holds {archive} rows of {table} where the vault has {vault}; the copy is incomplete, run the migration again.</source>
        <translation>복사 후 아카이브에는 {table} 행이 {archive}개 있지만 보관함에는 {vault}개 있습니다. 복사가 완전하지 않으니 이전을 다시 실행하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="102"/>
        <source>The archive already holds a different {table} record with the key {key}; nothing more was copied, reconcile the two before migrating again.</source>
        <translation>아카이브에 키가 {key}인 다른 {table} 기록이 이미 있습니다. 더 이상 복사하지 않았습니다. 두 기록을 조정한 뒤 다시 이전하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="105"/>
        <source>The vault&apos;s recording {blob_id} does not match its SHA-256, so it was not copied; restore the vault from a backup and migrate again.</source>
        <translation>보관함의 녹음 {blob_id}이(가) SHA-256과 일치하지 않아 복사하지 않았습니다. 백업에서 보관함을 복원한 뒤 다시 이전하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="109"/>
        <source>No single audio {asset} in interview {interview}; see &apos;testimony audio list {interview}&apos;.</source>
        <translation>면담 {interview}에서 오디오 {asset}을(를) 하나로 특정할 수 없습니다. &apos;testimony audio list {interview}&apos;를 참조하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="112"/>
        <source>That recording is still in progress; stop it before exporting.</source>
        <translation>그 녹음은 아직 진행 중입니다. 내보내기 전에 녹음을 멈추십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="114"/>
        <source>{dest} is a folder; give a file name to write the audio to.</source>
        <translation>{dest}은(는) 폴더입니다. 오디오를 저장할 파일 이름을 지정하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="116"/>
        <source>{dest} already exists; choose another name.</source>
        <translation>{dest}이(가) 이미 있습니다. 다른 이름을 고르십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="118"/>
        <source>The folder {parent} does not exist; create it first.</source>
        <translation>폴더 {parent}이(가) 없습니다. 먼저 폴더를 만드십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="120"/>
        <source>A marker time cannot be negative; give seconds from the start.</source>
        <translation>표시 시각은 음수일 수 없습니다. 시작부터의 초를 입력하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="122"/>
        <source>A marker note can be at most {max_marker_note} characters; shorten it and try again.</source>
        <translation>표시 메모는 최대 {max_marker_note}자입니다. 줄여서 다시 시도하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="125"/>
        <source>There is no file {path}; check the path and try again.</source>
        <translation>파일 {path}이(가) 없습니다. 경로를 확인하고 다시 시도하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="127"/>
        <source>{path} is a folder; give the path of an audio file.</source>
        <translation>{path}은(는) 폴더입니다. 오디오 파일의 경로를 지정하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="129"/>
        <source>{path} cannot be read ({strerror}); check its permissions.</source>
        <translation>{path}을(를) 읽을 수 없습니다({strerror}). 권한을 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="131"/>
        <source>{name} is empty (0 bytes), so nothing was stored; choose the original recording, or re-export it from the device.</source>
        <translation>{name}은(는) 비어 있어(0바이트) 아무것도 저장하지 않았습니다. 원본 녹음을 고르거나 기기에서 다시 내보내십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="134"/>
        <source>The stored audio does not match the SHA-256 recorded for it, so it was not exported; the vault may be damaged — restore it from a backup.</source>
        <translation>저장된 오디오가 기록된 SHA-256과 일치하지 않아 내보내지 않았습니다. 보관함이 손상되었을 수 있으니 백업에서 복원하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="137"/>
        <source>The disk is full, so the import was stopped and nothing was stored; free some space and import again.</source>
        <translation>디스크가 가득 차서 가져오기를 중단했으며 아무것도 저장하지 않았습니다. 공간을 확보한 뒤 다시 가져오십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="140"/>
        <source>{name} is truncated (the file ends before the audio its header declares), so nothing was stored; {fix}</source>
        <translation>{name}은(는) 잘려 있어(헤더가 밝힌 오디오보다 파일이 먼저 끝남) 아무것도 저장하지 않았습니다. {fix}</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="143"/>
        <source>{name} is not a readable audio or video file, so nothing was stored; {fix}</source>
        <translation>{name}은(는) 읽을 수 있는 오디오 또는 동영상 파일이 아니어서 아무것도 저장하지 않았습니다. {fix}</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="145"/>
        <source>{name} has no audio track, so nothing was stored; {fix}</source>
        <translation>{name}에는 오디오 트랙이 없어 아무것도 저장하지 않았습니다. {fix}</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="147"/>
        <source>{name} contains no sound (its audio track is empty), so nothing was stored; {fix}</source>
        <translation>{name}에는 소리가 없어(오디오 트랙이 비어 있음) 아무것도 저장하지 않았습니다. {fix}</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="150"/>
        <source>{name} is damaged ({bad} of {packets} audio blocks cannot be decoded), so nothing was stored; {fix}</source>
        <translation>{name}이(가) 손상되어(오디오 블록 {packets}개 중 {bad}개를 해독할 수 없음) 아무것도 저장하지 않았습니다. {fix}</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="153"/>
        <source>{name} is damaged or truncated (it holds {duration:.1f} s of the {declared:.1f} s it declares), so nothing was stored; {fix}</source>
        <translation>{name}이(가) 손상되었거나 잘려 있어(밝힌 {declared:.1f}초 중 {duration:.1f}초만 있음) 아무것도 저장하지 않았습니다. {fix}</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="156"/>
        <source>{name} is damaged (its audio cannot be read to the end), so nothing was stored; {fix}</source>
        <translation>{name}이(가) 손상되어(오디오를 끝까지 읽을 수 없음) 아무것도 저장하지 않았습니다. {fix}</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="159"/>
        <source>Import cancelled; nothing was stored.</source>
        <translation>가져오기가 취소되었습니다. 아무것도 저장하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="160"/>
        <source>choose the original recording, or re-export it from the device.</source>
        <translation>원본 녹음을 고르거나 기기에서 다시 내보내십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="163"/>
        <source>its receipt key (age recipient) differs from the one pinned for this device; compare &apos;testimony device show&apos; on the laptop with the pinned key</source>
        <translation>수신 확인 키(age 수신자)가 이 기기에 고정된 키와 다릅니다. 노트북의 &apos;testimony device show&apos;와 고정된 키를 비교하십시오</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="166"/>
        <source>this laptop&apos;s audit history was rewritten: entry {value}, shown by an earlier bundle from this device, was removed or changed (someone who knew the passphrase edited the history; report this)</source>
        <translation>이 노트북의 감사 기록이 다시 쓰였습니다. 이 기기의 이전 번들이 보여 준 항목 {value}이(가) 삭제되거나 바뀌었습니다(암호를 아는 누군가가 기록을 편집했습니다. 이를 보고하십시오)</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="170"/>
        <source>its audit history ({n} entries) is not longer than that of bundle {min} from this device ({value} entries), so audit entries were removed on the laptop (report this)</source>
        <translation>감사 기록({n}개 항목)이 이 기기의 번들 {min}의 기록({value}개 항목)보다 길지 않으므로 노트북에서 감사 항목이 삭제되었습니다(이를 보고하십시오)</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="174"/>
        <source>The bundle was refused: its container is malformed ({reason}); nothing was changed.</source>
        <translation>번들이 거부되었습니다. 컨테이너 형식이 잘못되었습니다({reason}). 아무것도 변경하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="177"/>
        <source>too many entries</source>
        <translation>항목이 너무 많음</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="178"/>
        <source>declared sizes exceed the limit</source>
        <translation>밝힌 크기가 한도를 넘음</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="180"/>
        <source>an entry name is empty or too long</source>
        <translation>항목 이름이 비어 있거나 너무 김</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="182"/>
        <source>an entry name is not allowed</source>
        <translation>허용되지 않는 항목 이름</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="183"/>
        <source>a duplicated entry</source>
        <translation>중복된 항목</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="184"/>
        <source>a bad size field</source>
        <translation>잘못된 크기 필드</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="185"/>
        <source>a non-canonical entry header</source>
        <translation>표준 형식이 아닌 항목 헤더</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="187"/>
        <source>it is truncated</source>
        <translation>잘려 있습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="188"/>
        <source>data after the end of the archive</source>
        <translation>아카이브 끝 뒤의 데이터</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="190"/>
        <source>non-zero padding</source>
        <translation>0이 아닌 채움 바이트</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="191"/>
        <source>an entry after the end marker</source>
        <translation>끝 표시 뒤의 항목</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="192"/>
        <source>an entry name is not plain ASCII</source>
        <translation>일반 ASCII가 아닌 항목 이름</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="194"/>
        <source>a different bundle with the same id was already imported</source>
        <translation>같은 ID를 가진 다른 번들을 이미 가져왔습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="196"/>
        <source>it is a fork: bundle {seq} does not follow bundle {value} that was accepted from this device</source>
        <translation>갈라진 번들입니다. 번들 {seq}이(가) 이 기기에서 받아들인 번들 {value} 다음이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="199"/>
        <source>it names device {device_id}, not the device {device_id2} of the signer key file</source>
        <translation>기기 {device_id}을(를) 밝히고 있으나 서명자 키 파일의 기기는 {device_id2}입니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="202"/>
        <source>it claims to come from device {device_id} but was signed by a different key (fingerprint {fingerprint}, not {fingerprint2} as in the signer key file), so someone else made it</source>
        <translation>기기 {device_id}에서 왔다고 하지만 다른 키로 서명되었습니다(지문 {fingerprint}, 서명자 키 파일의 {fingerprint2}이(가) 아님). 다른 사람이 만든 것입니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="206"/>
        <source>it is a fork: {me} says it follows {p} of this device, which does not come just before it</source>
        <translation>갈라진 번들입니다. {me}은(는) 이 기기의 {p} 다음이라고 하지만 {p}은(는) 바로 앞 번들이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="209"/>
        <source>it is a fork: this device&apos;s bundle number {seq} was already imported with different content ({bundle_id}); report this: one of the two was not made by the laptop you trust</source>
        <translation>갈라진 번들입니다. 이 기기의 번들 번호 {seq}을(를) 이미 다른 내용({bundle_id})으로 가져왔습니다. 이를 보고하십시오. 둘 중 하나는 신뢰하는 노트북에서 만든 것이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="213"/>
        <source>it was signed by a device that is not pinned in this vault (fingerprint {fingerprint}); pin it with &apos;testimony keys trust-device&apos; only after comparing that fingerprint with the interviewer</source>
        <translation>이 보관함에 고정되지 않은 기기가 서명했습니다(지문 {fingerprint}). 면담자와 지문을 비교한 뒤에만 &apos;testimony keys trust-device&apos;로 고정하십시오</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="217"/>
        <source>it was signed by device {device} but writes into {interview_label}, which belongs to device {value} (report this: one of the two laptops may be stolen)</source>
        <translation>기기 {device}이(가) 서명했지만 기기 {value}에 속한 {interview_label}에 기록하려 합니다(이를 보고하십시오. 두 노트북 중 하나가 도난당했을 수 있습니다)</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="220"/>
        <source>it was signed by device {device} but writes into {interview_label}, which was created in this vault and belongs to no device</source>
        <translation>기기 {device}이(가) 서명했지만 이 보관함에서 만들어져 어느 기기에도 속하지 않은 {interview_label}에 기록하려 합니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="223"/>
        <source>it holds a table (&apos;{table}&apos;) this vault does not accept</source>
        <translation>이 보관함이 받지 않는 표(&apos;{table}&apos;)가 들어 있습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="225"/>
        <source>its &apos;{table}&apos; records do not fit this vault&apos;s schema</source>
        <translation>&apos;{table}&apos; 기록이 이 보관함의 스키마에 맞지 않습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="227"/>
        <source>its &apos;{table}&apos; record {key} has the id of a record that belongs to another interview in this vault</source>
        <translation>&apos;{table}&apos; 기록 {key}의 ID가 이 보관함의 다른 면담에 속한 기록의 ID와 같습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="230"/>
        <source>its withheld-audio placeholder {blob_id} is not empty</source>
        <translation>보류된 오디오의 자리 표시 {blob_id}이(가) 비어 있지 않습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="232"/>
        <source>its records refer to data that is neither in the bundle nor in this vault</source>
        <translation>기록이 번들에도 이 보관함에도 없는 데이터를 가리킵니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="234"/>
        <source>it holds a table (&apos;{table}&apos;) this vault does not accept for interview data (made by a newer version, or crafted)</source>
        <translation>이 보관함이 면담 데이터로 받지 않는 표(&apos;{table}&apos;)가 들어 있습니다(더 새 버전이 만들었거나 조작됨)</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="237"/>
        <source>its audio file {blob_id} has the id of a recording that belongs to another interview in this vault</source>
        <translation>오디오 파일 {blob_id}의 ID가 이 보관함의 다른 면담에 속한 녹음의 ID와 같습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="240"/>
        <source>its audio for the withheld recording {blob_id} does not match the SHA-256 recorded for that recording</source>
        <translation>보류된 녹음 {blob_id}의 오디오가 그 녹음에 기록된 SHA-256과 일치하지 않습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="243"/>
        <source>its records refer to a &apos;{table}&apos; record of another interview in this vault</source>
        <translation>기록이 이 보관함의 다른 면담에 속한 &apos;{table}&apos; 기록을 가리킵니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="245"/>
        <source>its audio {blob_id} does not belong only to the interviews it lists</source>
        <translation>오디오 {blob_id}이(가) 번들에 나열된 면담에만 속하지 않습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="247"/>
        <source>its recording {blob_id} does not match the SHA-256 its records give for it</source>
        <translation>녹음 {blob_id}이(가) 기록에 적힌 SHA-256과 일치하지 않습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="249"/>
        <source>it lists interview {iid} but carries none of its records</source>
        <translation>면담 {iid}을(를) 나열하지만 그 기록이 하나도 없습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="251"/>
        <source>The bundle&apos;s interview {code} has the same code as a different interview already in this vault; nothing was imported — give one of them a new code (codes must be unique across the organisation).</source>
        <translation>번들의 면담 {code}이(가) 이 보관함에 이미 있는 다른 면담과 같은 코드를 씁니다. 아무것도 가져오지 않았습니다. 둘 중 하나에 새 코드를 부여하십시오(코드는 조직 전체에서 고유해야 합니다).</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="255"/>
        <source>The bundle was refused: {reason}; nothing was changed.</source>
        <translation>번들이 거부되었습니다: {reason}. 아무것도 변경하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="257"/>
        <source>it lacks the device&apos;s audit chain or receipt key (made by an older version of Testimony Vault, or altered); export it again with the current version</source>
        <translation>기기의 감사 체인이나 수신 확인 키가 없습니다(이전 버전의 Testimony Vault로 만들었거나 변조됨). 현재 버전으로 다시 내보내십시오</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="260"/>
        <source>its encryption does not match what the sender signed (it was re-packaged by someone else)</source>
        <translation>암호화가 보낸 사람이 서명한 것과 일치하지 않습니다(다른 사람이 다시 포장함)</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="263"/>
        <source>it was addressed to someone else and forwarded (your key is not among the recipients the sender signed)</source>
        <translation>다른 사람에게 보낸 것이 전달되었습니다(보낸 사람이 서명한 수신자 중에 당신의 키가 없음)</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="266"/>
        <source>the file changed while it was being imported</source>
        <translation>가져오는 동안 파일이 바뀌었습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="268"/>
        <source>Cannot read the bundle {path} ({strerror}); check the path.</source>
        <translation>번들 {path}을(를) 읽을 수 없습니다({strerror}). 경로를 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="270"/>
        <source>it is malformed</source>
        <translation>형식이 잘못되었습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="271"/>
        <source>a record is not valid ({exc})</source>
        <translation>기록 하나가 올바르지 않습니다({exc})</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="272"/>
        <source>its device key file is damaged</source>
        <translation>기기 키 파일이 손상되었습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="273"/>
        <source>its signature does not match its manifest (it was altered or forged)</source>
        <translation>서명이 매니페스트와 일치하지 않습니다(변조되었거나 위조됨)</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="275"/>
        <source>its manifest is not strict JSON ({exc})</source>
        <translation>매니페스트가 엄격한 JSON이 아닙니다({exc})</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="277"/>
        <source>This bundle is encrypted; open it with the supervisor key file.</source>
        <translation>이 번들은 암호화되어 있습니다. 감독자 키 파일로 여십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="279"/>
        <source>it cannot be decrypted with this key, or it was damaged or cut short</source>
        <translation>이 키로 복호화할 수 없거나, 손상되었거나 잘려 있습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="281"/>
        <source>it is not a Testimony Vault bundle</source>
        <translation>Testimony Vault 번들이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="283"/>
        <source>it was made by an incompatible version of Testimony Vault</source>
        <translation>호환되지 않는 버전의 Testimony Vault로 만들었습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="285"/>
        <source>it declares too many files</source>
        <translation>파일이 너무 많다고 밝힙니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="286"/>
        <source>its declared size is over the limit</source>
        <translation>밝힌 크기가 한도를 넘습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="288"/>
        <source>it declares an oversized SHA256SUMS</source>
        <translation>지나치게 큰 SHA256SUMS를 밝힙니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="290"/>
        <source>its audio list does not match its files</source>
        <translation>오디오 목록이 파일과 일치하지 않습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="292"/>
        <source>it names a file that is not allowed</source>
        <translation>허용되지 않는 파일을 밝힙니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="293"/>
        <source>it lists a file twice</source>
        <translation>같은 파일을 두 번 나열합니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="294"/>
        <source>it declares an oversized file</source>
        <translation>지나치게 큰 파일을 밝힙니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="295"/>
        <source>a record is not an object</source>
        <translation>기록 하나가 객체가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="296"/>
        <source>an audit entry is malformed</source>
        <translation>감사 항목 하나의 형식이 잘못되었습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="297"/>
        <source>an audit entry does not match its hash</source>
        <translation>감사 항목 하나가 해시와 일치하지 않습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="299"/>
        <source>its signed trusted comment does not match its manifest (it was forged)</source>
        <translation>서명된 신뢰 주석이 매니페스트와 일치하지 않습니다(위조됨)</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="301"/>
        <source>its manifest names a different device than its key file</source>
        <translation>매니페스트가 키 파일과 다른 기기를 밝힙니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="303"/>
        <source>its device key file was altered</source>
        <translation>기기 키 파일이 변조되었습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="305"/>
        <source>it is incomplete</source>
        <translation>불완전합니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="306"/>
        <source>it is larger than any bundle may be</source>
        <translation>어떤 번들도 가질 수 없는 크기입니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="308"/>
        <source>its entries are out of order</source>
        <translation>항목의 순서가 잘못되었습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="309"/>
        <source>its {want} is oversized</source>
        <translation>{want}이(가) 지나치게 큽니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="310"/>
        <source>it holds more files than its manifest lists</source>
        <translation>매니페스트에 나열된 것보다 많은 파일이 들어 있습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="312"/>
        <source>its entries do not match the manifest&apos;s order</source>
        <translation>항목이 매니페스트의 순서와 일치하지 않습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="314"/>
        <source>an entry&apos;s size differs from the manifest</source>
        <translation>항목 하나의 크기가 매니페스트와 다릅니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="316"/>
        <source>its audit chain is malformed</source>
        <translation>감사 체인의 형식이 잘못되었습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="317"/>
        <source>a record has odd values</source>
        <translation>기록 하나에 이상한 값이 있습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="318"/>
        <source>a record belongs to an interview the manifest does not list</source>
        <translation>기록 하나가 매니페스트에 없는 면담에 속합니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="320"/>
        <source>a record is oversized</source>
        <translation>기록 하나가 지나치게 큽니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="321"/>
        <source>the file {name} was altered</source>
        <translation>파일 {name}이(가) 변조되었습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="322"/>
        <source>its SHA256SUMS differs from the signed manifest</source>
        <translation>SHA256SUMS가 서명된 매니페스트와 다릅니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="324"/>
        <source>a record file does not end with a newline</source>
        <translation>기록 파일이 줄바꿈으로 끝나지 않습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="326"/>
        <source>its manifest is not in the expected form</source>
        <translation>매니페스트가 예상한 형식이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="328"/>
        <source>its audit history does not match its own audit entries (it was altered)</source>
        <translation>감사 기록이 자체 감사 항목과 일치하지 않습니다(변조됨)</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="330"/>
        <source>its chain is broken: bundle {seq} names a previous bundle although it is the first</source>
        <translation>체인이 끊겼습니다. 번들 {seq}은(는) 첫 번들인데도 이전 번들을 밝힙니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="333"/>
        <source>its chain is broken: bundle {seq} names no previous bundle</source>
        <translation>체인이 끊겼습니다. 번들 {seq}이(가) 이전 번들을 밝히지 않습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="335"/>
        <source>Cancelled; nothing was changed.</source>
        <translation>취소되었습니다. 아무것도 변경하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="337"/>
        <source>The export was cancelled; no bundle file was left behind.</source>
        <translation>내보내기가 취소되었습니다. 번들 파일은 남기지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="339"/>
        <source>The import was cancelled; nothing was changed.</source>
        <translation>가져오기가 취소되었습니다. 아무것도 변경하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="345"/>
        <source>bundle {seq} ({bundle_id})</source>
        <translation>번들 {seq}({bundle_id})</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="346"/>
        <source>replay: this exact bundle was already imported</source>
        <translation>중복: 바로 이 번들을 이미 가져왔습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="348"/>
        <source>first bundle from this device</source>
        <translation>이 기기의 첫 번들</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="349"/>
        <source>first bundle from this device (arrived after bundle {later})</source>
        <translation>이 기기의 첫 번들(번들 {later}보다 늦게 도착)</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="351"/>
        <source>continues from bundle {previous}</source>
        <translation>번들 {previous}에 이어짐</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="352"/>
        <source>continues from bundle {previous} (arrived after bundle {later})</source>
        <translation>번들 {previous}에 이어짐(번들 {later}보다 늦게 도착)</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="354"/>
        <source>continues from bundle {previous}, which was accepted without a known parent</source>
        <translation>번들 {previous}에 이어짐(그 번들은 이전 번들이 확인되지 않은 채 받아들인 번들임)</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="356"/>
        <source>first bundle seen from this device is number {seq}</source>
        <translation>이 기기에서 처음 받은 번들은 {seq}번</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="358"/>
        <source>bundles before number {seq} are unknown here</source>
        <translation>{seq}번 이전 번들은 이 보관함에 없음</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="360"/>
        <source>its previous bundle ({previous}) is unknown here</source>
        <translation>바로 앞 번들({previous}번)이 이 보관함에 없음</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="362"/>
        <source>bundles 1 to {previous} from this device were never imported here; ask whether they exist</source>
        <translation>이 기기의 번들 1~{previous}번을 이 보관함으로 가져온 적이 없습니다. 그 번들들이 있는지 면담자에게 물어보십시오</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="365"/>
        <source>suspicious: {me} does not follow {other}, which was accepted earlier without a known parent; report this: one of the two was not made by the laptop you trust</source>
        <translation>의심스러운 번들입니다. {me}은(는) 앞서 이전 번들이 확인되지 않은 채 받아들인 {other} 다음이 아닙니다. 이를 보고하십시오. 둘 중 하나는 신뢰하는 노트북에서 만든 것이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="368"/>
        <source>suspicious: {me} follows a bundle this vault has never seen (the last imported before it is {last}); bundles {first_missing} to {last_missing} from this device are missing here: ask the interviewer whether they exist; if not, {me} was not made by the laptop you trust</source>
        <translation>의심스러운 번들입니다. {me}은(는) 이 보관함이 본 적 없는 번들 다음입니다(그보다 앞서 마지막으로 가져온 번들은 {last}입니다). 이 기기의 번들 {first_missing}~{last_missing}번이 여기에 없습니다. 그 번들들이 있는지 면담자에게 물어보십시오. 없다면 {me}은(는) 신뢰하는 노트북에서 만든 것이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="373"/>
        <source>suspicious: {me} and {other} both carry number {seq} from this device and {other} was accepted earlier without a known parent; report this: one of them was not made by the laptop you trust</source>
        <translation>의심스러운 번들입니다. {me}과(와) {other}이(가) 이 기기의 같은 번호 {seq}을(를) 달고 있고, {other}은(는) 앞서 이전 번들이 확인되지 않은 채 받아들인 번들입니다. 이를 보고하십시오. 둘 중 하나는 신뢰하는 노트북에서 만든 것이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="377"/>
        <source>suspicious: {me} and {other} both carry number {seq} from this device and neither follows a bundle imported here; report this: one of them was not made by the laptop you trust</source>
        <translation>의심스러운 번들입니다. {me}과(와) {other}이(가) 이 기기의 같은 번호 {seq}을(를) 달고 있고, 둘 다 이 보관함으로 가져온 번들 다음이 아닙니다. 이를 보고하십시오. 둘 중 하나는 신뢰하는 노트북에서 만든 것이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="381"/>
        <source>suspicious: {later}, accepted earlier without a known parent, does not follow {me}; report this: one of the two was not made by the laptop you trust</source>
        <translation>의심스러운 번들입니다. 앞서 이전 번들이 확인되지 않은 채 받아들인 {later}이(가) {me} 다음이 아닙니다. 이를 보고하십시오. 둘 중 하나는 신뢰하는 노트북에서 만든 것이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="384"/>
        <source>suspicious: this device has two bundles numbered {seq} that both fit its chain ({bundle_ids}); report this: one of them was not made by the laptop you trust</source>
        <translation>의심스러운 번들입니다. 이 기기에 번호가 {seq}인 번들이 둘 있고 둘 다 연결에 들어맞습니다({bundle_ids}). 이를 보고하십시오. 둘 중 하나는 신뢰하는 노트북에서 만든 것이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="387"/>
        <source>this bundle is NOT encrypted; anyone who held the file could read it</source>
        <translation>이 번들은 암호화되어 있지 않습니다. 파일을 손에 넣은 사람은 누구나 읽을 수 있습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="390"/>
        <source>1 failed unlock attempt since {since}.</source>
        <translation>{since} 이후 잠금 해제에 1번 실패했습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="392"/>
        <source>{count} failed unlock attempts since {since}.</source>
        <translation>{since} 이후 잠금 해제에 {count}번 실패했습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="395"/>
        <source>There is no conflict {conflict_id}; &apos;testimony conflicts list&apos; shows their ids. Nothing was changed.</source>
        <translation>충돌 {conflict_id}이(가) 없습니다. &apos;testimony conflicts list&apos;에서 ID를 확인하십시오. 아무것도 변경하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="398"/>
        <source>Conflict {conflict_id} was already marked resolved at {resolved_at}; nothing was changed.</source>
        <translation>충돌 {conflict_id}은(는) 이미 {resolved_at}에 해결됨으로 표시되었습니다. 아무것도 변경하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="402"/>
        <source>No interview {ident} in this vault; nothing was exported — see &apos;testimony interview list&apos;.</source>
        <translation>이 보관함에 면담 {ident}이(가) 없습니다. 아무것도 내보내지 않았습니다. &apos;testimony interview list&apos;를 참조하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="405"/>
        <source>An audio file changed while it was being exported; nothing was exported — try again.</source>
        <translation>내보내는 동안 음성 파일이 바뀌었습니다. 아무것도 내보내지 않았습니다. 다시 시도하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="408"/>
        <source>A stored audio file no longer matches its recorded hash; nothing was exported — run &apos;testimony check&apos; and report this.</source>
        <translation>저장된 오디오 파일이 기록된 해시와 더 이상 일치하지 않습니다. 아무것도 내보내지 않았습니다. &apos;testimony check&apos;를 실행하고 이를 보고하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="411"/>
        <source>Unknown profile &apos;{profile}&apos;; use one of: {choices}.</source>
        <translation>알 수 없는 프로필 &apos;{profile}&apos;입니다. 다음 중 하나를 쓰십시오: {choices}.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="413"/>
        <source>Unknown purpose &apos;{purpose}&apos;; use one of: {choices}.</source>
        <translation>알 수 없는 목적 &apos;{purpose}&apos;입니다. 다음 중 하나를 쓰십시오: {choices}.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="415"/>
        <source>Name at least one recipient (a pinned supervisor&apos;s public key file).</source>
        <translation>수신자(고정된 감독자의 공개 키 파일)를 하나 이상 지정하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="417"/>
        <source>{out} already exists; choose a new file name (nothing was written).</source>
        <translation>{out}이(가) 이미 있습니다. 새 파일 이름을 고르십시오(아무것도 쓰지 않았습니다).</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="419"/>
        <source>The folder {parent} does not exist; create it or choose another.</source>
        <translation>폴더 {parent}이(가) 없습니다. 폴더를 만들거나 다른 폴더를 고르십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="421"/>
        <source>There is nothing to export (see the notes above); no file was written.</source>
        <translation>내보낼 것이 없습니다(위의 안내 참조). 파일을 쓰지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="423"/>
        <source>An interview&apos;s audio is still being recorded or is missing; finish the recording first (nothing was exported).</source>
        <translation>면담의 오디오가 아직 녹음 중이거나 없습니다. 먼저 녹음을 끝내십시오(아무것도 내보내지 않았습니다).</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="426"/>
        <source>Interview {code} cannot be exported because {why}; nothing was exported — remove it from the list or update the consent.</source>
        <translation>면담 {code}은(는) 다음 이유로 내보낼 수 없습니다: {why}. 아무것도 내보내지 않았습니다. 목록에서 빼거나 동의 내용을 갱신하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="430"/>
        <source>This vault holds no supervisor key; create one (Supervisor tab, or &apos;testimony keys supervisor-new&apos;) or use a supervisor key file.</source>
        <translation>이 보관함에는 감독자 키가 없습니다. 키를 만들거나(감독자 탭, 또는 &apos;testimony keys supervisor-new&apos;) 감독자 키 파일을 사용하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="432"/>
        <source>This vault holds several supervisor keys; name the key file to use.</source>
        <translation>이 보관함에는 감독자 키가 여럿 있습니다. 사용할 키 파일을 지정하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="434"/>
        <source>A supervisor key stored in this vault is damaged; restore the vault from a backup.</source>
        <translation>이 보관함에 저장된 감독자 키가 손상되었습니다. 백업에서 보관함을 복원하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="436"/>
        <source>This vault already holds the supervisor key {fingerprint}; nothing was changed.</source>
        <translation>이 보관함에는 이미 감독자 키 {fingerprint}이(가) 있습니다. 아무것도 변경하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="438"/>
        <source>The folder {folder} does not exist; create it first.</source>
        <translation>폴더 {folder}이(가) 없습니다. 먼저 만드십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="440"/>
        <source>{path} already exists; choose a new file name (nothing was written).</source>
        <translation>{path}이(가) 이미 있습니다. 새 파일 이름을 고르십시오(아무것도 쓰지 않았습니다).</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="442"/>
        <source>The {what} {path} is far too large to be a key file; check the path.</source>
        <translation>{what} {path}은(는) 키 파일이라기에는 너무 큽니다. 경로를 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="444"/>
        <source>{path} is not a supervisor key file (it needs exactly one AGE-SECRET-KEY-1 line); pass the file made by &apos;keys supervisor-new&apos;.</source>
        <translation>{path}은(는) 감독자 키 파일이 아닙니다(AGE-SECRET-KEY-1 줄이 정확히 하나 있어야 함). &apos;keys supervisor-new&apos;로 만든 파일을 지정하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="447"/>
        <source>This is not a {what} (it must start with &apos;{magic}&apos;); save exactly what the other side printed.</source>
        <translation>{what}이(가) 아닙니다(&apos;{magic}&apos;(으)로 시작해야 함). 상대편이 출력한 내용을 그대로 저장하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="450"/>
        <source>The {what} has a damaged ed25519 key; save it again.</source>
        <translation>{what}의 ed25519 키가 손상되었습니다. 다시 저장하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="452"/>
        <source>The {what} lacks its age-recipient or ed25519 line; save it again.</source>
        <translation>{what}에 age-recipient 또는 ed25519 줄이 없습니다. 다시 저장하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="454"/>
        <source>The {what}&apos;s fingerprint does not match its keys; it was altered.</source>
        <translation>{what}의 지문이 키와 일치하지 않습니다. 변조되었습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="456"/>
        <source>The {what} lacks a valid device-id or ed25519 line; save it again.</source>
        <translation>{what}에 올바른 device-id 또는 ed25519 줄이 없습니다. 다시 저장하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="458"/>
        <source>The {what}&apos;s fingerprint does not match its key; it was altered.</source>
        <translation>{what}의 지문이 키와 일치하지 않습니다. 변조되었습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="460"/>
        <source>The {what} {name} is too large; check the path.</source>
        <translation>{what} {name}이(가) 너무 큽니다. 경로를 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="462"/>
        <source>The recipient {fingerprint} is not a pinned supervisor in this vault; pin it first with &apos;testimony keys trust-supervisor FILE&apos;.</source>
        <translation>수신자 {fingerprint}은(는) 이 보관함에 고정된 감독자가 아닙니다. 먼저 &apos;testimony keys trust-supervisor FILE&apos;로 고정하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="465"/>
        <source>Cannot read the {what} {path} ({strerror}); check the path.</source>
        <translation>{what} {path}을(를) 읽을 수 없습니다({strerror}). 경로를 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="467"/>
        <source>The {what} {path} is not a text key file; check the path.</source>
        <translation>{what} {path}은(는) 텍스트 키 파일이 아닙니다. 경로를 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="469"/>
        <source>The key in {path} is not a valid age identity; check the file.</source>
        <translation>{path}의 키는 올바른 age 신원 키가 아닙니다. 파일을 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="471"/>
        <source>The {what} has a line without &apos;name: value&apos;; save it again.</source>
        <translation>{what}에 &apos;name: value&apos; 형식이 아닌 줄이 있습니다. 다시 저장하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="473"/>
        <source>The {what} names &apos;{key}&apos; twice; save it again.</source>
        <translation>{what}에 &apos;{key}&apos;이(가) 두 번 있습니다. 다시 저장하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="475"/>
        <source>The {what} has a damaged age-recipient line; save it again.</source>
        <translation>{what}의 age-recipient 줄이 손상되었습니다. 다시 저장하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="477"/>
        <source>Cannot read the {what} {name} ({strerror}); check the path.</source>
        <translation>{what} {name}을(를) 읽을 수 없습니다({strerror}). 경로를 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="479"/>
        <source>The {what}&apos;s minisign line does not match its key; it was altered.</source>
        <translation>{what}의 minisign 줄이 키와 일치하지 않습니다. 변조되었습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="481"/>
        <source>A supervisor with this age key but a different signing key is already pinned; remove the old one or check the file.</source>
        <translation>이 age 키를 가졌지만 서명 키가 다른 감독자가 이미 고정되어 있습니다. 이전 것을 제거하거나 파일을 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="484"/>
        <source>This device id is already pinned with a different key; confirm the fingerprint with the interviewer before changing it.</source>
        <translation>이 기기 ID는 이미 다른 키로 고정되어 있습니다. 바꾸기 전에 면담자와 지문을 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="487"/>
        <source>This device is already pinned with a different receipt key (age-recipient); check the file with the interviewer.</source>
        <translation>이 기기는 이미 다른 수신 확인 키(age-recipient)로 고정되어 있습니다. 면담자와 함께 파일을 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="490"/>
        <source>identity key file</source>
        <translation>신원 키 파일</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="491"/>
        <source>supervisor public key file</source>
        <translation>감독자 공개 키 파일</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="492"/>
        <source>device public key file</source>
        <translation>기기 공개 키 파일</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="493"/>
        <source>recipient key file</source>
        <translation>수신자 키 파일</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="494"/>
        <source>supervisor public key</source>
        <translation>감독자 공개 키</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="495"/>
        <source>device public key</source>
        <translation>기기 공개 키</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="497"/>
        <source>The receipt was refused: {reason}; nothing was marked for purging.</source>
        <translation>수신 확인이 거부되었습니다: {reason}. 삭제 대상으로 표시한 것은 없습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="499"/>
        <source>it was not signed by a supervisor pinned in this vault (or it was altered)</source>
        <translation>이 보관함에 고정된 감독자가 서명하지 않았습니다(또는 변조됨)</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="501"/>
        <source>{out} already exists; choose a new file name for the receipt.</source>
        <translation>{out}이(가) 이미 있습니다. 수신 확인에 쓸 새 파일 이름을 고르십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="503"/>
        <source>The folder {parent} does not exist; choose another for the receipt.</source>
        <translation>폴더 {parent}이(가) 없습니다. 수신 확인을 저장할 다른 폴더를 고르십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="505"/>
        <source>it is far too large</source>
        <translation>너무 큽니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="506"/>
        <source>it is an old plain-text receipt, which is no longer accepted because it exposed names on the stick; delete it and ask the supervisor to import the same bundle again and make a receipt (this changes nothing there) to get an encrypted one</source>
        <translation>예전의 평문 수신 확인입니다. 이름이 USB에 노출되었기 때문에 더 이상 받지 않습니다. 삭제한 뒤 감독자에게 같은 번들을 다시 가져와 수신 확인을 만들어 달라고(그쪽에서는 아무것도 바뀌지 않음) 요청하여 암호화된 수신 확인을 받으십시오</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="510"/>
        <source>it is not a Testimony Vault receipt</source>
        <translation>Testimony Vault 수신 확인이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="512"/>
        <source>it is damaged</source>
        <translation>손상되었습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="513"/>
        <source>it acknowledges a bundle this laptop did not export</source>
        <translation>이 노트북이 내보내지 않은 번들을 확인합니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="515"/>
        <source>it acknowledges a &apos;share&apos; bundle, which leaves out audio and details, so nothing can be purged on its strength</source>
        <translation>오디오와 세부 내용을 빼는 &apos;share&apos; 번들을 확인하므로 이를 근거로 삭제할 수 있는 것은 없습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="518"/>
        <source>it lists an interview that was not in that bundle</source>
        <translation>그 번들에 없던 면담을 나열합니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="520"/>
        <source>this laptop cannot decrypt it: it was made for another laptop, or it was damaged or altered</source>
        <translation>이 노트북에서 복호화할 수 없습니다. 다른 노트북용으로 만들었거나 손상 또는 변조되었습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="523"/>
        <source>Cannot read the receipt {name}; check the file.</source>
        <translation>수신 확인 {name}을(를) 읽을 수 없습니다. 파일을 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="526"/>
        <source>The character range {char_start}:{char_end} is not inside the segment (it has {count} characters); give A:B with A &lt; B.</source>
        <translation>문자 범위 {char_start}:{char_end}이(가) 구간 안에 있지 않습니다(구간은 {count}자). A &lt; B인 A:B를 지정하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="529"/>
        <source>Give a reason for the redaction (for example &apos;names a relative&apos;).</source>
        <translation>가림 처리의 이유를 적으십시오(예: &apos;친척의 이름이 나옴&apos;).</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="532"/>
        <source>The {field} must be a term under &apos;{branch}&apos;, but &apos;{text}&apos; is {id}; see &apos;testimony taxonomy show&apos;.</source>
        <translation>{field}은(는) &apos;{branch}&apos; 아래의 용어여야 하지만 &apos;{text}&apos;은(는) {id}입니다. &apos;testimony taxonomy show&apos;를 참조하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="535"/>
        <source>act</source>
        <translation>행위</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="536"/>
        <source>perpetrator</source>
        <translation>가해자</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="537"/>
        <source>tag</source>
        <translation>태그</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="538"/>
        <source>facility</source>
        <translation>시설</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="539"/>
        <source>agency</source>
        <translation>기관</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="540"/>
        <source>violation</source>
        <translation>인권 침해</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="542"/>
        <source>The witness&apos;s relation must be one of: {choices}.</source>
        <translation>증인과의 관계는 다음 중 하나여야 합니다: {choices}.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="544"/>
        <source>Involvement must be one of: {choices}.</source>
        <translation>관여 방식은 다음 중 하나여야 합니다: {choices}.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="546"/>
        <source>Place precision must be one of: {choices}.</source>
        <translation>장소의 정확도는 다음 중 하나여야 합니다: {choices}.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="548"/>
        <source>An involvement describes a perpetrator; name the perpetrator too.</source>
        <translation>관여 방식은 가해자를 설명합니다. 가해자도 지정하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="550"/>
        <source>The victim must be &apos;witness&apos; or a pseudonym such as &apos;V2 (brother)&apos;.</source>
        <translation>피해자는 &apos;witness&apos; 또는 &apos;V2 (brother)&apos; 같은 가명이어야 합니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="552"/>
        <source>Tag {tag_id} is not a tag of this interview; see &apos;testimony tag list&apos;.</source>
        <translation>태그 {tag_id}은(는) 이 면담의 태그가 아닙니다. &apos;testimony tag list&apos;를 참조하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="555"/>
        <source>The report section must be one of: {choices}.</source>
        <translation>보고서 항목은 다음 중 하나여야 합니다: {choices}.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="557"/>
        <source>Give something to search for, for example: testimony search 요덕</source>
        <translation>검색할 내용을 입력하십시오. 예: testimony search 요덕</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="559"/>
        <source>Review status must be one of: {choices}.</source>
        <translation>검토 상태는 다음 중 하나여야 합니다: {choices}.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="561"/>
        <location filename="../../errors/catalog.py" line="568"/>
        <location filename="../../errors/catalog.py" line="787"/>
        <source>The layer must be one of: {choices}.</source>
        <translation>층은 다음 중 하나여야 합니다: {choices}.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="562"/>
        <source>Consent scope must be one of: {choices}.</source>
        <translation>동의 범위는 다음 중 하나여야 합니다: {choices}.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="564"/>
        <source>The limit must be at least 1.</source>
        <translation>개수 제한은 1 이상이어야 합니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="565"/>
        <source>The date range ends before it starts; check its start and end.</source>
        <translation>날짜 범위가 시작보다 먼저 끝납니다. 시작과 끝을 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="569"/>
        <source>This interview has no {layer} segment {idx}; list the transcript to see the segment numbers.</source>
        <translation>이 면담에는 {layer} 구간 {idx}이(가) 없습니다. 녹취록을 표시하여 구간 번호를 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="572"/>
        <source>Segment {idx} exists in {count} recordings of this interview; say which recording.</source>
        <translation>구간 {idx}이(가) 이 면담의 녹음 {count}개에 있습니다. 어느 녹음인지 지정하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="575"/>
        <source>A moment in the audio is SECONDS or START:END with 0 &lt;= START &lt; END, for example 754.5:790.</source>
        <translation>오디오의 시점은 SECONDS 또는 START:END(0 &lt;= START &lt; END)로 적습니다. 예: 754.5:790.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="578"/>
        <source>The audio lasts {duration:.1f} s, so {last:g} s is past its end; check the time.</source>
        <translation>오디오 길이는 {duration:.1f}초이므로 {last:g}초는 끝을 지납니다. 시간을 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="581"/>
        <source>Confidence must be one of: {choices}.</source>
        <translation>확신도는 다음 중 하나여야 합니다: {choices}.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="582"/>
        <source>Anchor a tag either in the words or in the audio, not both.</source>
        <translation>태그는 말(글자) 또는 오디오 중 한 곳에만 고정하십시오. 둘 다는 안 됩니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="584"/>
        <source>Give the segment by number or by id, not both.</source>
        <translation>구간은 번호나 ID 중 하나로만 지정하십시오. 둘 다는 안 됩니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="586"/>
        <source>A character range needs a segment number to say which segment the characters are in.</source>
        <translation>문자 범위에는 그 문자가 있는 구간의 번호가 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="589"/>
        <source>No tag {tag_id} in this vault; see &apos;testimony tag list&apos;.</source>
        <translation>이 보관함에 태그 {tag_id}이(가) 없습니다. &apos;testimony tag list&apos;를 참조하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="591"/>
        <source>This interview has no audio {asset_id}; see its audio list.</source>
        <translation>이 면담에는 오디오 {asset_id}이(가) 없습니다. 오디오 목록을 참조하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="593"/>
        <source>Characters {char_start}:{char_end} are not inside segment {value}, which has {count} characters; use A:B with 0 &lt;= A &lt; B &lt;= {count}.</source>
        <translation>문자 {char_start}:{char_end}이(가) 구간 {value}({count}자) 안에 있지 않습니다. 0 &lt;= A &lt; B &lt;= {count}인 A:B를 쓰십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="596"/>
        <source>This tag is not anchored in a segment, so a character range does not apply.</source>
        <translation>이 태그는 구간에 고정되어 있지 않으므로 문자 범위를 쓸 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="598"/>
        <source>Characters {value}:{value2} are not inside the segment, which has {count} characters.</source>
        <translation>문자 {value}:{value2}이(가) 구간({count}자) 안에 있지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="601"/>
        <source>This interview has no segment {segment_id}.</source>
        <translation>이 면담에는 구간 {segment_id}이(가) 없습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="604"/>
        <source>Taxonomy file refused, line {line}: {problem}; nothing was changed, fix the file and import it again.</source>
        <translation>분류 체계 파일이 거부되었습니다. {line}번째 줄: {problem}. 아무것도 변경하지 않았습니다. 파일을 고쳐 다시 가져오십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="607"/>
        <source>&apos;{text}&apos; names {count} terms ({ids}); use one of these ids.</source>
        <translation>&apos;{text}&apos;은(는) 용어 {count}개({ids})를 가리킵니다. 이 ID 중 하나를 쓰십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="609"/>
        <source>&apos;{key}&apos; must be a list of non-empty strings</source>
        <translation>&apos;{key}&apos;은(는) 비어 있지 않은 문자열의 목록이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="611"/>
        <source>the first line must be the header object {{&quot;format&quot;: &quot;{format}&quot;, &quot;format_version&quot;: 1, &quot;name&quot;: ..., &quot;version&quot;: ...}}</source>
        <translation>첫 줄은 헤더 객체 {{&quot;format&quot;: &quot;{format}&quot;, &quot;format_version&quot;: 1, &quot;name&quot;: ..., &quot;version&quot;: ...}}여야 합니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="614"/>
        <source>the header&apos;s &apos;format&apos; must be &quot;{format}&quot;</source>
        <translation>헤더의 &apos;format&apos;은 &quot;{format}&quot;이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="616"/>
        <source>format_version {format_version!r} is not supported (this version of Testimony Vault reads {format_version2})</source>
        <translation>format_version {format_version!r}은(는) 지원하지 않습니다(이 버전의 Testimony Vault는 {format_version2}을(를) 읽음)</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="619"/>
        <source>unknown header field &apos;{value}&apos;</source>
        <translation>알 수 없는 헤더 필드 &apos;{value}&apos;</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="620"/>
        <source>the header needs a &apos;name&apos; of letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>헤더에는 문자, 숫자, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;로 된 &apos;name&apos;이 필요합니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="622"/>
        <source>the header needs a &apos;version&apos; such as &quot;2026.1&quot; (letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;)</source>
        <translation>헤더에는 &quot;2026.1&quot; 같은 &apos;version&apos;(문자, 숫자, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;)이 필요합니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="625"/>
        <source>&apos;description&apos; must be a string</source>
        <translation>&apos;description&apos;은 문자열이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="627"/>
        <source>each line after the header must be one JSON object (a term)</source>
        <translation>헤더 다음의 각 줄은 JSON 객체(용어) 하나여야 합니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="629"/>
        <source>unknown field &apos;{value}&apos; (allowed: {choices})</source>
        <translation>알 수 없는 필드 &apos;{value}&apos;(허용: {choices})</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="631"/>
        <source>the term has no &apos;id&apos;</source>
        <translation>용어에 &apos;id&apos;가 없습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="632"/>
        <source>&apos;id&apos; must be lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (for example detention.kwanliso.15)</source>
        <translation>&apos;id&apos;는 소문자, 숫자, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;여야 합니다(예: detention.kwanliso.15)</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="635"/>
        <source>the &apos;parent&apos; of {term_id} must be a term id or null</source>
        <translation>{term_id}의 &apos;parent&apos;는 용어 ID이거나 null이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="637"/>
        <source>term {term_id} has no &apos;label&apos; object with &apos;en&apos; and &apos;ko&apos;</source>
        <translation>용어 {term_id}에 &apos;en&apos;과 &apos;ko&apos;가 있는 &apos;label&apos; 객체가 없습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="639"/>
        <source>term {term_id} has a label in an unsupported language &apos;{value}&apos;</source>
        <translation>용어 {term_id}에 지원하지 않는 언어 &apos;{value}&apos;의 레이블이 있습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="641"/>
        <source>the &apos;description&apos; of {term_id} must be a string</source>
        <translation>{term_id}의 &apos;description&apos;은 문자열이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="643"/>
        <source>&apos;glossary&apos; of {term_id} must be true or false</source>
        <translation>{term_id}의 &apos;glossary&apos;는 true 또는 false여야 합니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="645"/>
        <source>the file is larger than {value} MiB</source>
        <translation>파일이 {value} MiB보다 큽니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="647"/>
        <source>the file is empty</source>
        <translation>파일이 비어 있습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="648"/>
        <source>the header must be on the first line</source>
        <translation>헤더는 첫 줄에 있어야 합니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="650"/>
        <source>the file has a header but no terms</source>
        <translation>파일에 헤더는 있지만 용어가 없습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="652"/>
        <source>This vault has no taxonomy version {version_id}; see &apos;testimony taxonomy versions&apos;.</source>
        <translation>이 보관함에 분류 체계 버전 {version_id}이(가) 없습니다. &apos;testimony taxonomy versions&apos;를 참조하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="655"/>
        <source>The import mode must be &apos;extend&apos; or &apos;replace&apos;.</source>
        <translation>가져오기 방식은 &apos;extend&apos; 또는 &apos;replace&apos;여야 합니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="657"/>
        <source>version {version} of taxonomy {name} is already in this vault with different content; give the file a new &apos;version&apos;</source>
        <translation>분류 체계 {name}의 버전 {version}이(가) 이미 다른 내용으로 이 보관함에 있습니다. 파일에 새 &apos;version&apos;을 부여하십시오</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="660"/>
        <source>No term &apos;{text}&apos; in taxonomy {version_id}; see &apos;testimony taxonomy show&apos; for ids, labels and aliases.</source>
        <translation>분류 체계 {version_id}에 용어 &apos;{text}&apos;이(가) 없습니다. ID, 레이블, 별칭은 &apos;testimony taxonomy show&apos;를 참조하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="663"/>
        <source>the text is not UTF-8</source>
        <translation>텍스트가 UTF-8이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="664"/>
        <source>not valid JSON ({reason})</source>
        <translation>올바른 JSON이 아닙니다({reason})</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="665"/>
        <source>term {term_id} is missing its &apos;{lang}&apos; label</source>
        <translation>용어 {term_id}에 &apos;{lang}&apos; 레이블이 없습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="667"/>
        <source>id {id} is already defined on line {value}</source>
        <translation>ID {id}은(는) 이미 {value}번째 줄에 정의되어 있습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="669"/>
        <source>term {term_id} has parent {parent}, which is not defined in the file</source>
        <translation>용어 {term_id}의 상위 {parent}이(가) 파일에 정의되어 있지 않습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="671"/>
        <source>term {term_id} has parent {parent}, which is not defined in the file nor in the taxonomy it extends</source>
        <translation>용어 {term_id}의 상위 {parent}이(가) 파일에도, 파일이 확장하는 분류 체계에도 정의되어 있지 않습니다</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="674"/>
        <source>Cannot read the taxonomy file {path} ({strerror}); check the path.</source>
        <translation>분류 체계 파일 {path}을(를) 읽을 수 없습니다({strerror}). 경로를 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="676"/>
        <source>the parents of {term_id} form a cycle ({loop})</source>
        <translation>{term_id}의 상위 용어가 순환합니다({loop})</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="679"/>
        <source>The interview is already called {code}; nothing was changed.</source>
        <translation>면담의 코드가 이미 {code}입니다. 아무것도 변경하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="681"/>
        <source>&apos;{code}&apos; is not a pseudonym code: use letters and digits joined by hyphens, without spaces, such as {example}; nothing was saved.</source>
        <translation>&apos;{code}&apos;은(는) 가명 코드가 아닙니다. {example}처럼 글자와 숫자를 하이픈으로 잇고 띄어쓰기 없이 쓰십시오. 아무것도 저장하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="683"/>
        <source>&apos;{code}&apos; is not a code of the form ORG-YYYY-NNN (2 to 6 capital letters, the year and a 3- or 4-digit number, such as {example}); nothing was saved.</source>
        <translation>&apos;{code}&apos;은(는) ORG-YYYY-NNN 형식(대문자 2~6자, 연도, 3~4자리 번호. 예: {example})의 코드가 아닙니다. 아무것도 저장하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="685"/>
        <source>&apos;{code}&apos; does not follow this organisation&apos;s code pattern {template} (for example {example}); nothing was saved.</source>
        <translation>&apos;{code}&apos;은(는) 이 조직의 코드 형식 {template}을(를) 따르지 않습니다(예: {example}). 아무것도 저장하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="687"/>
        <source>&apos;{code}&apos; looks like a person&apos;s name; use a pseudonym code such as {example}, never the witness&apos;s name (nothing was saved).</source>
        <translation>&apos;{code}&apos;은(는) 사람 이름처럼 보입니다. 증인의 이름이 아니라 {example} 같은 가명 코드를 쓰십시오(아무것도 저장하지 않았습니다).</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="691"/>
        <source>Unknown consent scope &apos;{value}&apos;; use one of: {choices}.</source>
        <translation>알 수 없는 동의 범위 &apos;{value}&apos;입니다. 다음 중 하나를 쓰십시오: {choices}.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="693"/>
        <source>An interview needs a pseudonym code.</source>
        <translation>면담에는 가명 코드가 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="694"/>
        <source>Consent can be given as: {choices}.</source>
        <translation>동의는 다음과 같이 줄 수 있습니다: {choices}.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="721"/>
        <source>The microphone stopped delivering sound (it was unplugged or disabled), so the recording was stopped; everything recorded until then was kept.</source>
        <translation>마이크에서 소리가 더 이상 들어오지 않아(뽑혔거나 꺼졌습니다) 녹음을 멈췄습니다. 그때까지 녹음한 내용은 모두 보존되었습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="724"/>
        <source>This microphone&apos;s sound format cannot be recorded losslessly; choose another microphone.</source>
        <translation>이 마이크의 소리 형식은 손실 없이 녹음할 수 없습니다. 다른 마이크를 고르십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="727"/>
        <source>The recording could not start because of an unexpected error; nothing was lost — try again, or choose another microphone.</source>
        <translation>예기치 않은 오류로 녹음을 시작하지 못했습니다. 잃은 것은 없습니다. 다시 시도하거나 다른 마이크를 고르십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="730"/>
        <source>The microphone could not be opened; check it is connected and not used by another program.</source>
        <translation>마이크를 열 수 없습니다. 마이크가 연결되어 있는지, 다른 프로그램이 쓰고 있지 않은지 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="806"/>
        <source>find and replace</source>
        <translation>찾아 바꾸기</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="807"/>
        <source>undo</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="808"/>
        <source>restored revision {rev}</source>
        <translation>수정본 {rev} 복원</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="809"/>
        <source>term suggestion: {heard} -&gt; {name} (taxonomy {terms}, vocabulary version {version})</source>
        <translation>용어 제안: {heard} → {name} (분류 체계 용어 {terms}, 분류 체계 버전 {version})</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="812"/>
        <source>{first} or {rest}</source>
        <translation>{first} 또는 {rest}</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="865"/>
        <source>Another program or supervisor was writing to this vault for too long; try again when it has finished (nothing was changed).</source>
        <translation>다른 프로그램이나 감독자가 이 보관함에 너무 오래 쓰고 있었습니다. 그 작업이 끝난 뒤 다시 시도하세요(아무것도 바뀌지 않았습니다).</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1053"/>
        <source>The number of conflicts to list cannot be negative; give 0 or more.</source>
        <translation>나열할 상충 개수는 음수일 수 없습니다. 0 이상을 입력하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1094"/>
        <source>The same witness dates {terms} to periods that do not overlap ({code_a}: {date_a}; {code_b}: {date_b}).</source>
        <translation>같은 증언자가 {terms}의 시기를 서로 겹치지 않는 기간으로 말합니다({code_a}: {date_a}; {code_b}: {date_b}).</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1097"/>
        <source>The same witness places {act} in the same period at {places_a} ({code_a}) and at {places_b} ({code_b}).</source>
        <translation>같은 증언자가 같은 시기의 {act}이(가) {places_a}({code_a})에서 있었다고도, {places_b}({code_b})에서 있었다고도 말합니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1100"/>
        <source>{code} dates an account about {term} {date}, outside the period recorded for it ({start} to {stop}).</source>
        <translation>{code}에서 {term}에 관한 진술의 시기({date})가 그곳에 기록된 존속 기간({start}~{stop})을 벗어납니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1103"/>
        <source>{first}, {rest}</source>
        <translation>{first} 및 {rest}</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1112"/>
        <source>The consent date</source>
        <translation>동의 날짜</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1114"/>
        <source>The interview date</source>
        <translation>면담 날짜</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1116"/>
        <source>The date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1118"/>
        <source>{what} &apos;{text}&apos; is a day without a time; write it as 2026-11-29.</source>
        <translation>{what} &apos;{text}&apos;은(는) 시각 없이 날짜만 씁니다. 2026-11-29처럼 쓰십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1120"/>
        <source>{what} &apos;{text}&apos; is not a date this app can read; write it as {example} (year-month-day, 24-hour time).</source>
        <translation>{what} &apos;{text}&apos;은(는) 이 프로그램이 읽을 수 있는 날짜가 아닙니다. {example}처럼 쓰십시오(연-월-일, 24시간제).</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1122"/>
        <source>{what} &apos;{text}&apos; is ambiguous (day/month or month/day?); write it year first, for example {example}.</source>
        <translation>{what} &apos;{text}&apos;은(는) 모호합니다(일/월인지 월/일인지). {example}처럼 연도를 먼저 쓰십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1124"/>
        <source>{what} &apos;{text}&apos; does not start with the year; write it year first, as {suggested}, so that it cannot be misread.</source>
        <translation>{what} &apos;{text}&apos;은(는) 연도로 시작하지 않습니다. 잘못 읽히지 않도록 {suggested}처럼 연도를 먼저 쓰십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1126"/>
        <source>{what} &apos;{text}&apos; is not a real date or time; write it as {example} (year-month-day, 24-hour time).</source>
        <translation>{what} &apos;{text}&apos;은(는) 실제 날짜나 시각이 아닙니다. {example}처럼 쓰십시오(연-월-일, 24시간제).</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="695"/>
        <source>An interview with code {code} already exists; choose another code.</source>
        <translation>코드 {code}인 면담이 이미 있습니다. 다른 코드를 고르십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="689"/>
        <source>A code pattern is capital letters, digits and hyphens with # for any digit and @ for any capital letter, for example NK-####-### (or &apos;general&apos; for any letters and digits joined by hyphens); it was not changed.</source>
        <translation>코드 형식은 대문자, 숫자, 하이픈으로 쓰며 #는 숫자 하나, @는 대문자 하나를 뜻합니다. 예: NK-####-### (글자와 숫자를 하이픈으로 잇기만 하면 되는 형식은 &apos;general&apos;). 변경하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="697"/>
        <source>No interview {interview_id} in this vault; see &apos;testimony interview list&apos;.</source>
        <translation>이 보관함에 면담 {interview_id}이(가) 없습니다. &apos;testimony interview list&apos;를 참조하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="699"/>
        <source>No interview {id_or_code} in this vault; see &apos;testimony interview list&apos;.</source>
        <translation>이 보관함에 면담 {id_or_code}이(가) 없습니다. &apos;testimony interview list&apos;를 참조하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="701"/>
        <source>&apos;{value}&apos; cannot be edited.</source>
        <translation>&apos;{value}&apos;은(는) 편집할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="702"/>
        <source>Status must be one of: {choices}.</source>
        <translation>상태는 다음 중 하나여야 합니다: {choices}.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="704"/>
        <source>That recording is no longer in the vault; refresh the interview.</source>
        <translation>그 녹음은 더 이상 보관함에 없습니다. 면담을 새로 고치십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="706"/>
        <source>This recording could not be decoded for listening; the stored original is unchanged — export it and check it with another player.</source>
        <translation>이 녹음을 재생용으로 해독할 수 없습니다. 저장된 원본은 그대로입니다. 내보내서 다른 재생기로 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="709"/>
        <source>There is no audio loaded to play; open a recording first.</source>
        <translation>재생할 오디오가 없습니다. 먼저 녹음을 여십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="711"/>
        <source>No audio output was found; connect headphones or speakers and try again.</source>
        <translation>오디오 출력 장치가 없습니다. 헤드폰이나 스피커를 연결하고 다시 시도하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="714"/>
        <source>No interview {interview} in this vault; see &apos;testimony interview list&apos;.</source>
        <translation>이 보관함에 면담 {interview}이(가) 없습니다. &apos;testimony interview list&apos;를 참조하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="716"/>
        <source>The recording has ended; add markers with &apos;testimony audio marker&apos; instead.</source>
        <translation>녹음이 끝났습니다. 대신 &apos;testimony audio marker&apos;로 표시를 추가하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="718"/>
        <source>The disk is full, so the recording was stopped; everything up to the last second was kept — free some space before recording again.</source>
        <translation>디스크가 가득 차서 녹음을 멈췄습니다. 마지막 1초까지의 모든 내용은 보존되었습니다. 다시 녹음하기 전에 공간을 확보하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="734"/>
        <location filename="../../errors/catalog.py" line="801"/>
        <source>This interview has no transcript yet; run &apos;testimony transcribe&apos; first.</source>
        <translation>이 면담에는 아직 녹취록이 없습니다. 먼저 &apos;testimony transcribe&apos;를 실행하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="736"/>
        <source>Channel-based labels need a two-channel recording with the interviewer on one channel; set labels by hand instead.</source>
        <translation>채널별 레이블에는 한 채널에 면담자가 녹음된 2채널 녹음이 필요합니다. 대신 레이블을 직접 지정하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="740"/>
        <source>Segment {number} has no suggestion &apos;{suggestion_id}&apos; now (its text or the vocabulary changed since it was listed, or it was already accepted); nothing was changed, list the current ones with &apos;testimony transcript suggestions&apos;.</source>
        <translation>구간 {number}에는 지금 제안 &apos;{suggestion_id}&apos;이(가) 없습니다(목록을 본 뒤 텍스트나 어휘가 바뀌었거나 이미 수락됨). 아무것도 변경하지 않았습니다. &apos;testimony transcript suggestions&apos;로 현재 제안을 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="745"/>
        <source>The language must be one of: {choices}.</source>
        <translation>언어는 다음 중 하나여야 합니다: {choices}.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="747"/>
        <source>The model &apos;{chosen}&apos; understands English only; use the multilingual model {default_model} for {value}.</source>
        <translation>모델 &apos;{chosen}&apos;은(는) 영어만 알아듣습니다. {value}에는 다국어 모델 {default_model}을(를) 쓰십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="750"/>
        <source>The model &apos;{chosen}&apos; understands English only; use the multilingual model {default_model} for translation.</source>
        <translation>모델 &apos;{chosen}&apos;은(는) 영어만 알아듣습니다. 번역에는 다국어 모델 {default_model}을(를) 쓰십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="753"/>
        <source>A recording of this interview is still being written; stop the recording first, then transcribe.</source>
        <translation>이 면담의 녹음이 아직 기록되는 중입니다. 먼저 녹음을 멈춘 뒤 받아쓰기를 하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="756"/>
        <source>This recording is already being transcribed by another window or command; wait for that to finish.</source>
        <translation>이 녹음은 다른 창이나 명령에서 이미 받아쓰는 중입니다. 그것이 끝날 때까지 기다리십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="759"/>
        <source>This recording was transcribed with the model &apos;{model}&apos;; continue with that model.</source>
        <translation>이 녹음은 모델 &apos;{model}&apos;(으)로 받아썼습니다. 같은 모델로 계속하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="762"/>
        <source>Transcription was cancelled; what was done is kept, and running the same command again continues from where it stopped.</source>
        <translation>받아쓰기가 취소되었습니다. 처리된 부분은 보존되며, 같은 명령을 다시 실행하면 멈춘 곳부터 이어집니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="765"/>
        <source>This interview has no audio to transcribe; record or import audio first.</source>
        <translation>이 면담에는 받아쓸 오디오가 없습니다. 먼저 오디오를 녹음하거나 가져오십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="767"/>
        <source>There is no recording {asset_id} in this interview; see &apos;testimony interview show&apos;.</source>
        <translation>이 면담에 녹음 {asset_id}이(가) 없습니다. &apos;testimony interview show&apos;를 참조하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="771"/>
        <source>Replacing would leave segment {number} empty; nothing was changed.</source>
        <translation>바꾸면 구간 {number}이(가) 비게 됩니다. 아무것도 변경하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="773"/>
        <source>There is nothing to find; type the words to replace.</source>
        <translation>찾을 말이 없습니다. 바꿀 말을 입력하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="775"/>
        <source>Marking segments for review or by confidence works with the txt format only; the json format already carries every word&apos;s probability.</source>
        <translation>검토 필요 표시나 확신도 표시는 txt 형식에서만 됩니다. json 형식에는 이미 모든 단어의 확률이 들어 있습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="778"/>
        <source>This interview has no {layer} transcript yet; run &apos;testimony transcribe {code}&apos; first.</source>
        <translation>이 면담에는 아직 {layer} 녹취록이 없습니다. 먼저 &apos;testimony transcribe {code}&apos;를 실행하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="781"/>
        <source>This interview has no translation transcript yet; run &apos;testimony transcribe {code}&apos; with translation first.</source>
        <translation>이 면담에는 아직 번역 녹취록이 없습니다. 먼저 번역을 포함하여 &apos;testimony transcribe {code}&apos;를 실행하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="784"/>
        <source>There is no segment {ref} in the {layer} layer of this interview; use a number shown by &apos;testimony transcript show&apos;.</source>
        <translation>이 면담의 {layer} 층에 구간 {ref}이(가) 없습니다. &apos;testimony transcript show&apos;에 나오는 번호를 쓰십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="789"/>
        <source>This segment belongs to a part of the recording whose transcription is unfinished; finish it with &apos;testimony transcribe&apos; first, then edit.</source>
        <translation>이 구간은 받아쓰기가 끝나지 않은 녹음 부분에 속합니다. 먼저 &apos;testimony transcribe&apos;로 마친 뒤 편집하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="792"/>
        <source>The new text is empty; give the corrected text.</source>
        <translation>새 텍스트가 비어 있습니다. 고친 텍스트를 입력하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="794"/>
        <source>The new text is the same as the current text; nothing was changed.</source>
        <translation>새 텍스트가 현재 텍스트와 같습니다. 아무것도 변경하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="796"/>
        <source>The review status must be one of: {choices}.</source>
        <translation>검토 상태는 다음 중 하나여야 합니다: {choices}.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="798"/>
        <source>A speaker label must be 1-{max_label} characters, e.g. interviewer, witness, interpreter, or another participant&apos;s pseudonym.</source>
        <translation>화자 레이블은 1-{max_label}자여야 합니다. 예: interviewer, witness, interpreter 또는 다른 참여자의 가명.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="814"/>
        <source>No single microphone matches &apos;{name}&apos;; available inputs: {names}.</source>
        <translation>&apos;{name}&apos;에 맞는 마이크가 하나로 특정되지 않습니다. 사용 가능한 입력: {names}.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="816"/>
        <source>No microphone was found; connect one (or enable it) and try again.</source>
        <translation>마이크를 찾지 못했습니다. 마이크를 연결(또는 활성화)하고 다시 시도하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="818"/>
        <source>The recording has not started yet; wait a moment and try again.</source>
        <translation>녹음이 아직 시작되지 않았습니다. 잠시 기다린 뒤 다시 시도하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="821"/>
        <source>The audit log is shorter than its recorded head, so entries were removed; report this to your supervisor.</source>
        <translation>감사 기록이 기록된 최종 항목보다 짧으므로 항목이 삭제되었습니다. 감독자에게 보고하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="824"/>
        <source>Audit log entry {expected_seq} is missing or out of order; the vault&apos;s history was tampered with, so report this to your supervisor.</source>
        <translation>감사 기록 항목 {expected_seq}이(가) 없거나 순서가 어긋났습니다. 보관함의 기록이 조작되었으니 감독자에게 보고하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="827"/>
        <source>Audit log entry {seq} does not follow the one before it; the history was reordered or edited, so report this to your supervisor.</source>
        <translation>감사 기록 항목 {seq}이(가) 바로 앞 항목에 이어지지 않습니다. 기록의 순서가 바뀌었거나 편집되었으니 감독자에게 보고하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="830"/>
        <source>Audit log entry {seq} was changed after it was written; report this to your supervisor.</source>
        <translation>감사 기록 항목 {seq}이(가) 쓰인 뒤에 바뀌었습니다. 감독자에게 보고하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="834"/>
        <source>This recording or file has already been closed.</source>
        <translation>이 녹음 또는 파일은 이미 닫혔습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="836"/>
        <source>That stored file does not exist in this vault.</source>
        <translation>그 저장 파일은 이 보관함에 없습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="838"/>
        <source>The disk is full, so writing stopped; everything up to the last second was kept — free some space before continuing.</source>
        <translation>디스크가 가득 차서 쓰기를 멈췄습니다. 마지막 1초까지의 모든 내용은 보존되었습니다. 계속하기 전에 공간을 확보하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="842"/>
        <source>The vault database is missing; restore the vault folder from a backup.</source>
        <translation>보관함 데이터베이스가 없습니다. 백업에서 보관함 폴더를 복원하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="844"/>
        <source>The vault database is not encrypted, so it is not a genuine vault file; do not use it.</source>
        <translation>보관함 데이터베이스가 암호화되어 있지 않으므로 진짜 보관함 파일이 아닙니다. 사용하지 마십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="847"/>
        <source>The vault database was written unencrypted; stop and report this bug.</source>
        <translation>보관함 데이터베이스가 암호화되지 않은 채 쓰였습니다. 작업을 멈추고 이 버그를 보고하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="849"/>
        <source>This build has no SQLCipher encryption; reinstall Testimony Vault.</source>
        <translation>이 빌드에는 SQLCipher 암호화가 없습니다. Testimony Vault를 다시 설치하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="851"/>
        <source>The vault key does not open the database; the vault may be damaged or replaced.</source>
        <translation>보관함 키로 데이터베이스를 열 수 없습니다. 보관함이 손상되었거나 바뀌었을 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="855"/>
        <source>The vault header is far too large to be genuine; restore it from a backup.</source>
        <translation>보관함 헤더가 진짜라기에는 너무 큽니다. 백업에서 복원하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="857"/>
        <source>The vault header is damaged or not a Testimony Vault header; restore the folder from a backup or ask your supervisor.</source>
        <translation>보관함 헤더가 손상되었거나 Testimony Vault 헤더가 아닙니다. 백업에서 폴더를 복원하거나 감독자에게 문의하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="861"/>
        <source>This vault was written by a newer Testimony Vault (schema {version}); install the newer version to open it.</source>
        <translation>이 보관함은 더 새로운 Testimony Vault(스키마 {version})로 작성되었습니다. 열려면 새 버전을 설치하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="868"/>
        <source>The passphrase is too short; use at least {min_length} characters (a sentence is best).</source>
        <translation>암호가 너무 짧습니다. {min_length}자 이상으로 하십시오(문장이 가장 좋습니다).</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="871"/>
        <source>The vault header asks for more costly key derivation than this app ever sets, so it was probably tampered with; it was not opened.</source>
        <translation>보관함 헤더가 이 앱이 설정하는 것보다 비용이 큰 키 유도를 요구하므로 조작되었을 가능성이 큽니다. 열지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="874"/>
        <source>That is not the vault&apos;s current passphrase; nothing was changed, try again.</source>
        <translation>보관함의 현재 암호가 아닙니다. 아무것도 변경하지 않았습니다. 다시 시도하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="876"/>
        <source>No vault was found at {path}; nothing was erased.</source>
        <translation>{path}에서 보관함을 찾지 못했습니다. 아무것도 지우지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="878"/>
        <source>The vault header asks for weaker key derivation than allowed, so it was probably tampered with; it was not opened.</source>
        <translation>보관함 헤더가 허용보다 약한 키 유도를 요구하므로 조작되었을 가능성이 큽니다. 열지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="881"/>
        <source>There is already a vault at {path}; choose another folder.</source>
        <translation>{path}에 이미 보관함이 있습니다. 다른 폴더를 고르십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="883"/>
        <source>The folder {path} is not empty; choose an empty or new folder.</source>
        <translation>폴더 {path}이(가) 비어 있지 않습니다. 빈 폴더나 새 폴더를 고르십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="885"/>
        <source>An empty passphrase is not allowed; choose a long passphrase.</source>
        <translation>빈 암호는 허용되지 않습니다. 긴 암호를 정하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="887"/>
        <source>This vault has no recovery key; unlock it with its passphrase.</source>
        <translation>이 보관함에는 복구 키가 없습니다. 암호로 잠금을 해제하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="889"/>
        <source>No vault was found at {path}; create one with &apos;testimony init&apos;.</source>
        <translation>{path}에서 보관함을 찾지 못했습니다. &apos;testimony init&apos;으로 만드십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="891"/>
        <source>The vault is locked; unlock it first.</source>
        <translation>보관함이 잠겨 있습니다. 먼저 잠금을 해제하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="892"/>
        <source>This vault was opened read-only; unlock it normally to rekey it.</source>
        <translation>이 보관함은 읽기 전용으로 열렸습니다. 암호를 바꾸려면 일반 방식으로 잠금을 해제하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="894"/>
        <source>The vault is open in another window or program; close it and run the rekey again. Nothing was changed.</source>
        <translation>보관함이 다른 창이나 프로그램에서 열려 있습니다. 그것을 닫고 암호 변경을 다시 실행하십시오. 아무것도 변경하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="897"/>
        <source>The vault has no device key; it is damaged.</source>
        <translation>보관함에 기기 키가 없습니다. 보관함이 손상되었습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="899"/>
        <source>That recovery code does not unlock this vault; check it against the printed copy.</source>
        <translation>그 복구 코드로는 이 보관함을 열 수 없습니다. 인쇄한 사본과 대조하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="902"/>
        <source>This vault must be upgraded before it can be read without changes; unlock it once in Testimony Vault, then try again.</source>
        <translation>이 보관함은 변경 없이 읽기 전에 업그레이드해야 합니다. Testimony Vault에서 한 번 잠금을 해제한 뒤 다시 시도하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="905"/>
        <source>The vault database does not belong to this header; the folder was tampered with or mixed up.</source>
        <translation>보관함 데이터베이스가 이 헤더의 것이 아닙니다. 폴더가 조작되었거나 뒤섞였습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="908"/>
        <source>The re-encrypted copy of the vault did not check out; nothing was changed, and the vault still opens as before.</source>
        <translation>다시 암호화한 보관함 사본의 검사가 통과하지 못했습니다. 아무것도 변경하지 않았으며 보관함은 이전처럼 열립니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="911"/>
        <source>The passphrase is wrong (or the vault header was altered); nothing was changed — check the passphrase and try again.</source>
        <translation>암호가 틀렸습니다(또는 보관함 헤더가 변조됨). 아무것도 변경하지 않았습니다. 암호를 확인하고 다시 시도하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="915"/>
        <source>The model &apos;{name}&apos; could not be loaded ({error}); check free memory or import the model again.</source>
        <translation>모델 &apos;{name}&apos;을(를) 불러올 수 없습니다({error}). 남은 메모리를 확인하거나 모델을 다시 가져오십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="918"/>
        <source>Cancelled.</source>
        <translation>취소되었습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="919"/>
        <source>The speech engine stopped unexpectedly ({how}); what was transcribed is kept — transcribe again to continue.</source>
        <translation>음성 엔진이 예기치 않게 멈췄습니다({how}). 받아쓴 내용은 보존되었습니다. 계속하려면 다시 받아쓰기를 하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="922"/>
        <source>The speech engine could not be started ({error}); reinstall Testimony Vault.</source>
        <translation>음성 엔진을 시작할 수 없습니다({error}). Testimony Vault를 다시 설치하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="924"/>
        <source>The speech engine ran out of memory; close other programs or use a smaller model, then transcribe again to continue.</source>
        <translation>음성 엔진의 메모리가 부족합니다. 다른 프로그램을 닫거나 더 작은 모델을 쓴 뒤 다시 받아쓰기를 하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="927"/>
        <source>The speech engine failed ({error}); transcribe again to continue, and reinstall Testimony Vault if it happens again.</source>
        <translation>음성 엔진이 실패했습니다({error}). 다시 받아쓰기를 하고, 또 일어나면 Testimony Vault를 다시 설치하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="930"/>
        <source>The speech engine failed; transcribe again.</source>
        <translation>음성 엔진이 실패했습니다. 다시 받아쓰기를 하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="932"/>
        <source>it was stopped by {signal}</source>
        <translation>{signal} 신호로 중지됨</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="933"/>
        <source>it exited with status {status}</source>
        <translation>상태 {status}(으)로 종료됨</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="934"/>
        <source>its pipe closed</source>
        <translation>파이프가 닫힘</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="936"/>
        <source>The model &apos;{name}&apos; does not match its recorded checksums (altered or damaged), so it was not used; reinstall it or import a good copy.</source>
        <translation>모델 &apos;{name}&apos;이(가) 기록된 체크섬과 일치하지 않아(변조 또는 손상) 쓰지 않았습니다. 다시 설치하거나 정상 사본을 가져오십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="939"/>
        <source>There is no model named &apos;{name}&apos;; choose one of: {names}.</source>
        <translation>&apos;{name}&apos;이라는 모델이 없습니다. 다음 중 하나를 고르십시오: {names}.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="941"/>
        <source>The old model registry {path} is not a registry; remove it and import the models again.</source>
        <translation>예전 모델 목록 {path}은(는) 목록 파일이 아닙니다. 삭제하고 모델을 다시 가져오십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="944"/>
        <source>The model &apos;{name}&apos; is imported but the models folder is unknown.</source>
        <translation>모델 &apos;{name}&apos;을(를) 가져왔지만 모델 폴더를 알 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="946"/>
        <source>The model&apos;s model.bin is truncated or not a CTranslate2 model; copy the folder again.</source>
        <translation>모델의 model.bin이 잘렸거나 CTranslate2 모델이 아닙니다. 폴더를 다시 복사하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="949"/>
        <source>{folder} is not a folder; give the folder that holds model.bin.</source>
        <translation>{folder}은(는) 폴더가 아닙니다. model.bin이 들어 있는 폴더를 지정하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="951"/>
        <source>The model folder&apos;s {value} is a symbolic link, which is not imported; copy the real files onto the stick.</source>
        <translation>모델 폴더의 {value}은(는) 심볼릭 링크라서 가져오지 않습니다. 실제 파일을 USB에 복사하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="954"/>
        <source>The model folder is incomplete (missing {choices}); copy the whole CTranslate2 Whisper folder again.</source>
        <translation>모델 폴더가 불완전합니다({choices} 없음). CTranslate2 Whisper 폴더 전체를 다시 복사하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="957"/>
        <source>The model&apos;s config.json is not a CTranslate2 Whisper configuration; convert the model with ct2-transformers-converter first.</source>
        <translation>모델의 config.json이 CTranslate2 Whisper 설정이 아닙니다. 먼저 ct2-transformers-converter로 모델을 변환하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="960"/>
        <source>The model&apos;s config.json has no valid language list; copy the folder again.</source>
        <translation>모델의 config.json에 올바른 언어 목록이 없습니다. 폴더를 다시 복사하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="962"/>
        <source>The model&apos;s vocabulary is not a Whisper vocabulary; copy it again.</source>
        <translation>모델의 어휘가 Whisper 어휘가 아닙니다. 다시 복사하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="964"/>
        <source>The model&apos;s vocabulary ({size} tokens) does not fit its config.json ({count} languages); the files come from different models, copy the folder again.</source>
        <translation>모델의 어휘({size}개 토큰)가 config.json({count}개 언어)과 맞지 않습니다. 서로 다른 모델의 파일이니 폴더를 다시 복사하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="967"/>
        <source>The model&apos;s model.bin is truncated; copy the folder again.</source>
        <translation>모델의 model.bin이 잘렸습니다. 폴더를 다시 복사하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="969"/>
        <source>The model&apos;s vocabulary ({size} tokens) does not fit its model.bin ({vocabulary_size}); the files come from different models, copy the folder again.</source>
        <translation>모델의 어휘({size}개 토큰)가 model.bin({vocabulary_size})과 맞지 않습니다. 서로 다른 모델의 파일이니 폴더를 다시 복사하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="972"/>
        <source>The config.json&apos;s alignment heads belong to another Whisper size than model.bin ({decoder_layers} decoder layers, {decoder_heads} heads); copy the folder again.</source>
        <translation>config.json의 정렬 헤드가 model.bin(디코더 층 {decoder_layers}개, 헤드 {decoder_heads}개)과 다른 Whisper 크기의 것입니다. 폴더를 다시 복사하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="976"/>
        <source>&apos;{name}&apos; is not a usable model name; use letters, digits, &apos;.&apos;, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>&apos;{name}&apos;은(는) 쓸 수 있는 모델 이름이 아닙니다. 문자, 숫자, &apos;.&apos;, &apos;-&apos;, &apos;_&apos;를 쓰십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="978"/>
        <source>A model named &apos;{name}&apos; already exists; choose another name.</source>
        <translation>&apos;{name}&apos;이라는 모델이 이미 있습니다. 다른 이름을 고르십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="980"/>
        <source>The model package {package} is not installed; reinstall Testimony Vault.</source>
        <translation>모델 패키지 {package}이(가) 설치되어 있지 않습니다. Testimony Vault를 다시 설치하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="982"/>
        <source>The old model registry {path} is unreadable; remove it and import the models again.</source>
        <translation>예전 모델 목록 {path}을(를) 읽을 수 없습니다. 삭제하고 모델을 다시 가져오십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="985"/>
        <source>The model.bin holds a {value} model, not Whisper; copy the right folder.</source>
        <translation>model.bin에 Whisper가 아닌 {value} 모델이 들어 있습니다. 올바른 폴더를 복사하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="987"/>
        <source>The model&apos;s preprocessor_config.json is not valid; copy the folder again.</source>
        <translation>모델의 preprocessor_config.json이 올바르지 않습니다. 폴더를 다시 복사하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="989"/>
        <source>The model&apos;s {name} is not valid JSON; copy the folder again.</source>
        <translation>모델의 {name}이(가) 올바른 JSON이 아닙니다. 폴더를 다시 복사하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="991"/>
        <source>The model&apos;s vocabulary file is unreadable; copy it again.</source>
        <translation>모델의 어휘 파일을 읽을 수 없습니다. 다시 복사하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="993"/>
        <source>The model folder&apos;s SHA256SUMS is unreadable; copy it again.</source>
        <translation>모델 폴더의 SHA256SUMS를 읽을 수 없습니다. 다시 복사하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="995"/>
        <source>The model file {name} could not be read ({strerror}); copy the folder again.</source>
        <translation>모델 파일 {name}을(를) 읽을 수 없습니다({strerror}). 폴더를 다시 복사하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="997"/>
        <source>The folder&apos;s model.bin could not be loaded as a CTranslate2 Whisper model; it is damaged or of another kind, and was not imported.</source>
        <translation>폴더의 model.bin을 CTranslate2 Whisper 모델로 불러올 수 없습니다. 손상되었거나 다른 종류이므로 가져오지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1000"/>
        <source>The model&apos;s vocabulary does not fit its model.bin; the files come from different models, copy the folder again.</source>
        <translation>모델의 어휘가 model.bin과 맞지 않습니다. 서로 다른 모델의 파일이니 폴더를 다시 복사하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1003"/>
        <source>The model.bin ({n_mels} mel bins) and its config.json ({language_ids} languages) come from different Whisper sizes; copy the folder again.</source>
        <translation>model.bin(멜 빈 {n_mels}개)과 config.json(언어 {language_ids}개)이 서로 다른 Whisper 크기의 것입니다. 폴더를 다시 복사하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1006"/>
        <source>The model&apos;s preprocessor_config.json says {declared} mel bins but model.bin has {n_mels}; copy the folder again.</source>
        <translation>모델의 preprocessor_config.json은 멜 빈이 {declared}개라고 하지만 model.bin에는 {n_mels}개가 있습니다. 폴더를 다시 복사하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1009"/>
        <source>The model file {fname} does not match the folder&apos;s SHA256SUMS (altered or damaged); it was not imported.</source>
        <translation>모델 파일 {fname}이(가) 폴더의 SHA256SUMS와 일치하지 않습니다(변조 또는 손상). 가져오지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1012"/>
        <source>Copying {fname} gave different bytes (failing disk or stick); the model was not imported.</source>
        <translation>{fname}을(를) 복사한 결과의 바이트가 다릅니다(디스크나 USB 고장). 모델을 가져오지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1016"/>
        <source>it is empty</source>
        <translation>비어 있음</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1017"/>
        <source>Cannot read the date &apos;{text}&apos;; {help}.</source>
        <translation>날짜 &apos;{text}&apos;을(를) 읽을 수 없습니다. {help}.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1018"/>
        <source>Cannot read the date &apos;{text}&apos; ({why}); {help}.</source>
        <translation>날짜 &apos;{text}&apos;을(를) 읽을 수 없습니다({why}). {help}.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1020"/>
        <source>write a date as 1997-03-14, 1997-03, 1997-summer, 1997, 1990s, 1995..1997, before 1997, after 1997 or about 1997 (or &apos;unknown&apos;)</source>
        <translation>날짜는 1997-03-14, 1997년 3월, 1997년 여름, 1997년, 1990년대, 1995년부터 1997년까지, 1997년 이전, 1997년 이후, 1997년경 (또는 &apos;모름&apos;) 형식으로 쓰십시오</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1024"/>
        <source>The stored audio could not be decoded ({why}); transcription stopped — check the file with &apos;testimony audio export&apos; or import the audio again.</source>
        <translation>저장된 오디오를 해독할 수 없습니다({why}). 받아쓰기를 멈췄습니다. &apos;testimony audio export&apos;로 파일을 확인하거나 오디오를 다시 가져오십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1027"/>
        <source>Interview {code} already belongs to device {device_id}; nothing was changed.</source>
        <translation>면담 {code}은(는) 이미 기기 {device_id}에 속합니다. 아무것도 변경하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1029"/>
        <source>Device {device_id} is not pinned in this vault; pin its key, obtained in person, first. Nothing was changed.</source>
        <translation>기기 {device_id}은(는) 이 보관함에 고정되어 있지 않습니다. 직접 받은 그 기기의 키를 먼저 고정하십시오. 아무것도 변경하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1031"/>
        <source>Interview {code} was created in this vault and belongs to no device, so it has no owner to change; nothing was changed.</source>
        <translation>면담 {code}은(는) 이 보관함에서 만들어져 어느 기기에도 속하지 않으므로 바꿀 소유 기기가 없습니다. 아무것도 변경하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1033"/>
        <source>There is no interview {interview} in this vault; nothing was changed.</source>
        <translation>이 보관함에는 면담 {interview}이(가) 없습니다. 아무것도 변경하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1035"/>
        <source>Give the reason for moving the interview to another device (how you checked which laptop recorded it); nothing was changed.</source>
        <translation>면담을 다른 기기로 옮기는 이유(어느 노트북이 녹음했는지 어떻게 확인했는지)를 적어 주십시오. 아무것도 변경하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1037"/>
        <source>&apos;{a}&apos; and &apos;{b}&apos; are the same interview; name two different interviews.</source>
        <translation>&apos;{a}&apos;와(과) &apos;{b}&apos;는 같은 면담입니다. 서로 다른 두 면담을 지정하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1039"/>
        <source>Only a supervisor decides whether two interviews are the same witness.</source>
        <translation>두 면담이 같은 증인인지는 감독자만 결정합니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1041"/>
        <source>The decision must be one of: {choices}.</source>
        <translation>결정은 다음 중 하나여야 합니다: {choices}.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1043"/>
        <source>No link {link} in this vault; see &apos;testimony link list&apos;.</source>
        <translation>이 보관함에 연결 {link}이(가) 없습니다. &apos;testimony link list&apos;를 참고하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1045"/>
        <source>Tag {tag} is not a tag of this interview; see &apos;testimony tag list&apos;.</source>
        <translation>태그 {tag}은(는) 이 면담의 태그가 아닙니다. &apos;testimony tag list&apos;를 참고하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1047"/>
        <source>Give the tags that support the link (see &apos;testimony tag list&apos;); a link always points to the words that support it.</source>
        <translation>연결을 뒷받침하는 태그를 지정하십시오(&apos;testimony tag list&apos; 참고). 연결은 언제나 그것을 뒷받침하는 말을 가리킵니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1049"/>
        <source>&apos;{relation}&apos; links a {froms} to a {tos}, but {src} is a {src_kind} and {dst} a {dst_kind}.</source>
        <translation>&apos;{relation}&apos;은(는) {froms}을(를) {tos}에 잇지만, {src}은(는) {src_kind}이고 {dst}은(는) {dst_kind}입니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1051"/>
        <source>The relation must be one of: {choices}.</source>
        <translation>관계는 다음 중 하나여야 합니다: {choices}.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1055"/>
        <source>A period is a period entity (see &apos;testimony entity list&apos;) or dates such as 1997..1999, not &apos;{period}&apos;.</source>
        <translation>기간은 기간 개체(&apos;testimony entity list&apos; 참고)이거나 1997..1999 같은 날짜여야 하며, &apos;{period}&apos;은(는) 쓸 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1057"/>
        <source>The taxonomy has no {branch}; name the parent term.</source>
        <translation>분류 체계에 {branch}이(가) 없습니다. 상위 용어를 지정하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1059"/>
        <source>&apos;{name}&apos; already names {id} in the taxonomy; use that entity, or choose another name.</source>
        <translation>&apos;{name}&apos;은(는) 이미 분류 체계의 {id}를 가리킵니다. 그 개체를 쓰거나 다른 이름을 고르십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1061"/>
        <source>An entity needs an English and a Korean name.</source>
        <translation>개체에는 영어 이름과 한국어 이름이 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1063"/>
        <source>The period ends before it starts; check the dates.</source>
        <translation>기간이 시작보다 먼저 끝납니다. 날짜를 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1065"/>
        <source>Only a quota has an organisation that imposes it.</source>
        <translation>부과하는 조직은 과제(할당량)에만 있습니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1067"/>
        <source>{id} is not under an entity branch of the taxonomy; give its kind ({choices}).</source>
        <translation>{id}은(는) 분류 체계의 개체 분기 아래에 있지 않습니다. 종류({choices})를 지정하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1069"/>
        <source>This needs a date such as 2012, 2012-05 or 2012-05-01.</source>
        <translation>여기에는 2012, 2012-05 또는 2012-05-01 같은 날짜가 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1071"/>
        <source>This must name a {kind}, but &apos;{text}&apos; is the {found} {id}; see &apos;testimony taxonomy show&apos;.</source>
        <translation>여기에는 {kind}을(를) 지정해야 하지만 &apos;{text}&apos;은(는) {found} {id}입니다. &apos;testimony taxonomy show&apos;를 참고하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1073"/>
        <source>&apos;{text}&apos; is the term {id}, which is not an entity (one of: {kinds}); see &apos;testimony taxonomy show&apos;.</source>
        <translation>&apos;{text}&apos;은(는) 용어 {id}이며 개체({kinds} 중 하나)가 아닙니다. &apos;testimony taxonomy show&apos;를 참고하십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1075"/>
        <source>The kind must be one of: {choices}.</source>
        <translation>종류는 다음 중 하나여야 합니다: {choices}.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1077"/>
        <source>The date range needs dates such as 1998, 1998-05 or 1998-05-01.</source>
        <translation>기간에는 1998, 1998-05 또는 1998-05-01 같은 날짜가 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1079"/>
        <source>Name exactly one subject: a facility, a commodity, an enterprise or a link.</source>
        <translation>대상을 하나만 지정하십시오: 시설, 품목, 기업 또는 연결 중 하나.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1081"/>
        <source>The folder {folder} does not exist; create it or choose another file.</source>
        <translation>폴더 {folder}이(가) 없습니다. 폴더를 만들거나 다른 파일을 고르십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1083"/>
        <source>{path} already exists; choose another file (a brief never overwrites a file).</source>
        <translation>{path}이(가) 이미 있습니다. 다른 파일을 고르십시오(보고서는 파일을 덮어쓰지 않습니다).</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1085"/>
        <source>Cannot tell the brief&apos;s format from &apos;{name}&apos;; name the file .docx, .csv or .json, or choose the format ({choices}).</source>
        <translation>&apos;{name}&apos;에서 보고서 형식을 알 수 없습니다. 파일 이름을 .docx, .csv 또는 .json으로 하거나 형식({choices})을 고르십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1087"/>
        <source>The brief format must be one of: {choices}.</source>
        <translation>보고서 형식은 다음 중 하나여야 합니다: {choices}.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1089"/>
        <source>The brief&apos;s purpose must be one of: {choices}.</source>
        <translation>보고서의 용도는 다음 중 하나여야 합니다: {choices}.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1104"/>
        <source>{name} could not be deleted ({strerror}); delete it yourself (the imported copy in the vault is safe).</source>
        <translation>{name}을(를) 지울 수 없었습니다({strerror}). 직접 지우십시오(보관함에 가져온 사본은 안전합니다).</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1106"/>
        <source>{name} has changed since it was imported, so it was not deleted; check which file it is before deleting it yourself.</source>
        <translation>{name}이(가) 가져온 뒤에 바뀌어서 지우지 않았습니다. 어떤 파일인지 확인한 뒤 직접 지우십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1108"/>
        <source>{name} cannot be read ({strerror}), so it was not deleted; delete it yourself.</source>
        <translation>{name}을(를) 읽을 수 없어({strerror}) 지우지 않았습니다. 직접 지우십시오.</translation>
    </message>
    <message>
        <location filename="../../errors/catalog.py" line="1110"/>
        <source>{name} is no longer a plain file at that place, so it was not deleted; check the folder yourself.</source>
        <translation>{name}은(는) 더 이상 그 자리에 있는 일반 파일이 아니어서 지우지 않았습니다. 폴더를 직접 확인하십시오.</translation>
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
        <location filename="../export_view.py" line="214"/>
        <source>A supervisor who already has a withdrawn interview is sent its withdrawal (no testimony).</source>
        <translation>철회된 면담을 이미 가진 감독자에게는 철회 사실만 보냅니다(증언 내용 없음).</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="217"/>
        <source>Consent leaves these out (they will not be exported):</source>
        <translation>동의 범위 때문에 다음은 제외됩니다 (내보내지 않음):</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="226"/>
        <source>consent withdrawn</source>
        <translation>동의가 철회됨</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="227"/>
        <source>consent does not cover &apos;%1&apos;</source>
        <translation>동의 범위에 &apos;%1&apos;이(가) 없음</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="242"/>
        <source>Save bundle as</source>
        <translation>번들 저장</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="246"/>
        <source>Supervisor public key file</source>
        <translation>감독자 공개 키 파일</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="256"/>
        <source>Supervisor pinned. Fingerprint: %1 — compare it with your supervisor.</source>
        <translation>감독자를 고정했습니다. 지문: %1 — 감독자와 맞춰 보세요.</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="265"/>
        <source>Supervisor&apos;s receipt</source>
        <translation>감독자 수령증</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="281"/>
        <source>Receipt accepted: the supervisor holds %1 interviews of this bundle; they may now be purged here.</source>
        <translation>수령증을 받아들였습니다: 감독자가 이 번들의 면담 %1건을 보관하고 있습니다. 이제 여기서 삭제해도 됩니다.</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="298"/>
        <source>Purged %1 interviews; kept %2 that changed after their export.</source>
        <translation>면담 %1건을 삭제했습니다. 내보낸 뒤 바뀐 %2건은 남겼습니다.</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="318"/>
        <source>Tick at least one interview to export.</source>
        <translation>내보낼 면담을 하나 이상 고르세요.</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="321"/>
        <source>Choose where to save the bundle first.</source>
        <translation>먼저 번들을 저장할 곳을 고르세요.</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="345"/>
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
        <location filename="../export_view.py" line="352"/>
        <source>Withdrawals of consent sent (the recipients hold these interviews from earlier bundles; no testimony was sent): %1</source>
        <translation>동의 철회를 보냈습니다(받는 사람은 이전 번들로 이 면담을 이미 가지고 있으며, 증언 내용은 보내지 않았습니다): %1</translation>
    </message>
    <message>
        <location filename="../export_view.py" line="366"/>
        <source>Exporting...</source>
        <translation>내보내는 중...</translation>
    </message>
</context>
<context>
    <name>FindReplaceBar</name>
    <message>
        <location filename="../review_tools.py" line="123"/>
        <source>Find</source>
        <translation>찾기</translation>
    </message>
    <message>
        <location filename="../review_tools.py" line="126"/>
        <source>Replace with</source>
        <translation>바꿀 말</translation>
    </message>
    <message>
        <location filename="../review_tools.py" line="127"/>
        <source>Match case</source>
        <translation>대소문자 구분</translation>
    </message>
    <message>
        <location filename="../review_tools.py" line="129"/>
        <source>Find next</source>
        <translation>다음 찾기</translation>
    </message>
    <message>
        <location filename="../review_tools.py" line="131"/>
        <source>Replace</source>
        <translation>바꾸기</translation>
    </message>
    <message>
        <location filename="../review_tools.py" line="133"/>
        <source>Replace all</source>
        <translation>모두 바꾸기</translation>
    </message>
    <message>
        <location filename="../review_tools.py" line="135"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../review_tools.py" line="176"/>
        <source>“%1” is not in this transcript.</source>
        <translation>“%1”은(는) 이 녹취록에 없습니다.</translation>
    </message>
    <message numerus="yes">
        <location filename="../review_tools.py" line="207"/>
        <source>%n segment(s) changed, each kept as a new revision.</source>
        <translation>
            <numerusform>구간 %n개를 바꾸었고, 각각 새 수정본으로 보관했습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InterviewList</name>
    <message>
        <location filename="../interview_list.py" line="45"/>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="45"/>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="46"/>
        <source>Duration</source>
        <translation>길이</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="47"/>
        <source>Transcript</source>
        <translation>녹취록</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="48"/>
        <source>Review</source>
        <translation>검토</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="49"/>
        <source>Consent</source>
        <translation>동의</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="50"/>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="178"/>
        <source>Search codes; Enter searches the words too (Ctrl+F)</source>
        <translation>코드 검색, Enter는 본문도 검색 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="184"/>
        <source>Any status</source>
        <translation>모든 상태</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="189"/>
        <source>Any consent</source>
        <translation>모든 동의</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="191"/>
        <source>Consent: %1</source>
        <translation>동의: %1</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="192"/>
        <source>Consent withdrawn</source>
        <translation>동의 철회됨</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="195"/>
        <source>Any review state</source>
        <translation>모든 검토 상태</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="196"/>
        <source>No transcript</source>
        <translation>녹취록 없음</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="196"/>
        <source>Draft</source>
        <translation>초안</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="197"/>
        <source>Partly reviewed</source>
        <translation>일부 검토됨</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="198"/>
        <source>Reviewed</source>
        <translation>검토됨</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="202"/>
        <location filename="../interview_list.py" line="287"/>
        <source>Any tag</source>
        <translation>모든 태그</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="205"/>
        <source>&amp;New interview...</source>
        <translation>새 면담(&amp;N)...</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="262"/>
        <source>withdrawn</source>
        <translation>철회됨</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="265"/>
        <source>none recorded</source>
        <translation>기록 없음</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="266"/>
        <source>%1 segments</source>
        <translation>구간 %1개</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="269"/>
        <source> (+ translation)</source>
        <translation> (+ 번역)</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="274"/>
        <source>exported</source>
        <translation>내보냄</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="274"/>
        <source>receipt received</source>
        <translation>수령 확인됨</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="275"/>
        <source>not exported</source>
        <translation>내보내지 않음</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="293"/>
        <source>%1 interviews</source>
        <translation>면담 %1건</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="320"/>
        <location filename="../interview_list.py" line="346"/>
        <source>%1 passages in %2 interviews match the words.</source>
        <translation>면담 %2건에서 %1곳이 일치합니다.</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="401"/>
        <source>Interview created.</source>
        <translation>면담을 만들었습니다.</translation>
    </message>
</context>
<context>
    <name>InterviewPage</name>
    <message>
        <location filename="../interview_page.py" line="550"/>
        <source>&amp;Details and consent</source>
        <translation>정보와 동의(&amp;D)</translation>
    </message>
</context>
<context>
    <name>LaptopCard</name>
    <message>
        <location filename="../laptop_card.py" line="37"/>
        <source>This laptop</source>
        <translation>이 노트북</translation>
    </message>
    <message>
        <location filename="../laptop_card.py" line="50"/>
        <source>&amp;Save the public key file for an in-person handover...</source>
        <translation>직접 전달할 공개 키 파일 저장(&amp;S)...</translation>
    </message>
    <message>
        <location filename="../laptop_card.py" line="63"/>
        <source>Save public key file as</source>
        <translation>공개 키 파일 저장 위치</translation>
    </message>
    <message>
        <location filename="../laptop_card.py" line="77"/>
        <source>Unlock the vault to see this laptop&apos;s fingerprint (its key is kept inside the vault).</source>
        <translation>이 노트북의 지문을 보려면 보관소를 여십시오(키는 보관소 안에 보관됩니다).</translation>
    </message>
    <message>
        <location filename="../laptop_card.py" line="93"/>
        <source>When your supervisor pins this laptop, read these groups aloud, one by one; they check them against the bundle they received. The last group is what proves the bundle came from you, so say it only to your supervisor.</source>
        <translation>감독자가 이 노트북을 고정할 때 이 묶음들을 하나씩 소리 내어 읽어 주십시오. 감독자는 받은 번들과 대조합니다. 마지막 묶음은 번들이 당신에게서 왔다는 증거이므로 감독자에게만 말하십시오.</translation>
    </message>
    <message>
        <location filename="../laptop_card.py" line="108"/>
        <source>Device id: %1</source>
        <translation>장치 ID: %1</translation>
    </message>
    <message>
        <location filename="../laptop_card.py" line="117"/>
        <source>Public key file saved to %1; hand it to your supervisor in person.</source>
        <translation>공개 키 파일을 %1에 저장했습니다. 감독자에게 직접 전달하십시오.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="304"/>
        <source>Role: %1</source>
        <translation>역할: %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="416"/>
        <source>&amp;Vault</source>
        <translation>보관함(&amp;V)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="409"/>
        <source>&amp;Lock now</source>
        <translation>지금 잠그기(&amp;L)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="293"/>
        <source>Testimony Vault: archive, %1</source>
        <translation>Testimony Vault: 아카이브, %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="301"/>
        <source>Archive: %1 | Login: %2 | Role: %3</source>
        <translation>아카이브: %1 | 로그인: %2 | 역할: %3</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="410"/>
        <source>&amp;Panic lock (clear everything)</source>
        <translation>긴급 잠금 - 모두 지우기(&amp;P)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="411"/>
        <source>&amp;Settings...</source>
        <translation>설정(&amp;S)...</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="412"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="413"/>
        <source>&amp;New interview...</source>
        <translation>새 면담(&amp;N)...</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="415"/>
        <source>Open the organisation&apos;s &amp;archive...</source>
        <translation>기관의 아카이브 열기(&amp;A)...</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="484"/>
        <source>Archive opened.</source>
        <translation>아카이브를 열었습니다.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="485"/>
        <source>Vault unlocked.</source>
        <translation>보관함 잠금을 해제했습니다.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="507"/>
        <source>Locked after a period without activity.</source>
        <translation>한동안 사용하지 않아 잠갔습니다.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="508"/>
        <source>Locked.</source>
        <translation>잠갔습니다.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="533"/>
        <source>Settings saved.</source>
        <translation>설정을 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="414"/>
        <source>This &amp;laptop (device fingerprint)...</source>
        <translation>이 노트북(장치 지문)(&amp;L)...</translation>
    </message>
</context>
<context>
    <name>NewInterviewDialog</name>
    <message>
        <location filename="../interview_list.py" line="108"/>
        <source>New interview</source>
        <translation>새 면담</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="115"/>
        <source>Pseudonym &amp;code:</source>
        <translation>가명 코드(&amp;C):</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="120"/>
        <source>Use a pseudonym, never the witness&apos;s name.</source>
        <translation>증인의 실명이 아닌 가명을 쓰세요.</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="138"/>
        <source>Codes look like %1: the organisation, the year and a number (for example %2).</source>
        <translation>코드는 %1 형식입니다: 기관, 연도, 번호 (예: %2).</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="142"/>
        <source>Codes are letters and digits joined by hyphens (for example %1).</source>
        <translation>코드는 글자와 숫자를 하이픈으로 이어 씁니다 (예: %1).</translation>
    </message>
    <message>
        <location filename="../interview_list.py" line="144"/>
        <source>Codes follow this organisation&apos;s pattern %1: # is a digit, @ a capital letter (for example %2).</source>
        <translation>코드는 이 조직의 형식 %1을(를) 따릅니다: #는 숫자, @는 대문자 (예: %2).</translation>
    </message>
</context>
<context>
    <name>PassageTable</name>
    <message>
        <location filename="../passages.py" line="47"/>
        <source>Interview</source>
        <extracomment>(interview id, segment id or &quot;&quot;, layer or &quot;&quot;, seconds): open this passage.</extracomment>
        <translation>면담</translation>
    </message>
    <message>
        <location filename="../passages.py" line="47"/>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <location filename="../passages.py" line="48"/>
        <source>Passage</source>
        <translation>구절</translation>
    </message>
</context>
<context>
    <name>RecordingView</name>
    <message>
        <location filename="../recording_view.py" line="74"/>
        <source>Record</source>
        <translation>녹음</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="77"/>
        <source>&amp;Microphone:</source>
        <translation>마이크(&amp;M):</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="84"/>
        <source>● &amp;Record</source>
        <translation>● 녹음(&amp;R)</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="86"/>
        <location filename="../recording_view.py" line="374"/>
        <source>P&amp;ause</source>
        <translation>일시정지(&amp;A)</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="88"/>
        <source>&amp;Stop</source>
        <translation>정지(&amp;S)</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="90"/>
        <source>Add mar&amp;ker (Ctrl+M)</source>
        <translation>표시 추가(&amp;K) (Ctrl+M)</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="94"/>
        <source>Marker note (optional)</source>
        <translation>표시 메모 (선택)</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="104"/>
        <source>Input level</source>
        <translation>입력 음량</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="110"/>
        <location filename="../recording_view.py" line="376"/>
        <source>Not recording</source>
        <translation>녹음 중 아님</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="119"/>
        <source>Recordings and imported files</source>
        <translation>녹음과 가져온 파일</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="123"/>
        <source>Source</source>
        <translation>출처</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="123"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="124"/>
        <source>Duration</source>
        <translation>길이</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="124"/>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="125"/>
        <source>Added</source>
        <translation>추가한 때</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="132"/>
        <source>&amp;Import audio file...</source>
        <translation>오디오 파일 가져오기(&amp;I)...</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="156"/>
        <location filename="../recording_view.py" line="357"/>
        <source>Markers:</source>
        <translation>표시:</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="166"/>
        <source>Transcribe</source>
        <translation>받아쓰기</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="168"/>
        <source>Mo&amp;del:</source>
        <translation>모델(&amp;D):</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="177"/>
        <source>Lan&amp;guage:</source>
        <translation>언어(&amp;G):</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="181"/>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="181"/>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="182"/>
        <source>Chinese</source>
        <translation>중국어</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="182"/>
        <source>Detect</source>
        <translation>자동 감지</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="185"/>
        <source>Also draft an English &amp;translation</source>
        <translation>영어 번역 초안도 만들기(&amp;T)</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="188"/>
        <source>&amp;Transcribe</source>
        <translation>받아쓰기(&amp;T)</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="191"/>
        <source>&amp;Cancel</source>
        <translation>취소(&amp;C)</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="237"/>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="327"/>
        <source>(no note)</source>
        <translation>(메모 없음)</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="331"/>
        <source>Markers (%1):</source>
        <translation>표시(%1개):</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="336"/>
        <source>recording</source>
        <translation>녹음</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="336"/>
        <source>import</source>
        <translation>가져옴</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="374"/>
        <source>Res&amp;ume</source>
        <translation>다시 시작(&amp;U)</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="375"/>
        <source>Recording</source>
        <translation>녹음 중</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="376"/>
        <source>Paused</source>
        <translation>일시정지됨</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="399"/>
        <source>Recording. Everything is saved, encrypted, as it is recorded.</source>
        <translation>녹음 중입니다. 녹음되는 즉시 모두 암호화되어 저장됩니다.</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="428"/>
        <source>Marker added at %1.</source>
        <translation>%1에 표시를 추가했습니다.</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="437"/>
        <source>Recording saved (%1).</source>
        <translation>녹음을 저장했습니다 (%1).</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="444"/>
        <source>Import audio file</source>
        <translation>오디오 파일 가져오기</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="452"/>
        <source>Importing and checking the file...</source>
        <translation>파일을 가져와 확인하는 중...</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="456"/>
        <source>File imported; the original bytes are kept unchanged.</source>
        <translation>파일을 가져왔습니다. 원본은 바뀌지 않은 채 보존됩니다.</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="519"/>
        <source>Transcribing on this laptop (nothing leaves it)...</source>
        <translation>이 노트북에서 받아쓰는 중 (아무것도 밖으로 나가지 않습니다)...</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="538"/>
        <source>Transcription finished: %1 segments. Review them on the Transcript tab.</source>
        <translation>받아쓰기 완료: 구간 %1개. 녹취록 탭에서 검토하세요.</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="557"/>
        <source>Cancelling; the part already transcribed is kept.</source>
        <translation>취소하는 중입니다. 이미 받아쓴 부분은 보존됩니다.</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="261"/>
        <source>multilingual (Korean, English, Chinese, ...)</source>
        <translation>다국어 (한국어, 영어, 중국어 등)</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="262"/>
        <source>English only</source>
        <translation>영어 전용</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="264"/>
        <source>speed not measured yet</source>
        <translation>속도 아직 측정 안 됨</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="266"/>
        <source>%1x real time on this laptop</source>
        <translation>이 노트북에서 실시간의 %1배 속도</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="289"/>
        <source>Imported model</source>
        <translation>가져온 모델</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="290"/>
        <source>Built-in model</source>
        <translation>기본 제공 모델</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="293"/>
        <source>The speed is measured during the first transcription with this model.</source>
        <translation>속도는 이 모델로 처음 전사할 때 측정됩니다.</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="296"/>
        <source>A larger model is slower but usually more accurate.</source>
        <translation>큰 모델일수록 느리지만 대개 더 정확합니다.</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="145"/>
        <source>&amp;Delete the original</source>
        <translation>원본 삭제(&amp;D)</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="147"/>
        <source>&amp;Keep it</source>
        <translation>보관(&amp;K)</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="475"/>
        <source>The original file %1 is still on this laptop, unencrypted. Delete it now? It is overwritten before deletion, but on SSDs and memory cards deleting may not erase it: only full-disk encryption protects those.</source>
        <translation>원본 파일 %1이(가) 암호화되지 않은 채 이 노트북에 남아 있습니다. 지금 삭제할까요? 삭제 전에 덮어쓰지만, SSD와 메모리 카드에서는 삭제해도 지워지지 않을 수 있습니다. 이런 장치는 전체 디스크 암호화만이 보호합니다.</translation>
    </message>
    <message>
        <location filename="../recording_view.py" line="493"/>
        <source>The original file %1 was overwritten and deleted; the copy in the vault is kept.</source>
        <translation>원본 파일 %1을(를) 덮어쓴 뒤 삭제했습니다. 보관소 안의 사본은 유지됩니다.</translation>
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
        <location filename="../reports_view.py" line="27"/>
        <source>By facility</source>
        <translation>시설별</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="28"/>
        <source>By agency</source>
        <translation>기관별</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="29"/>
        <source>By violation</source>
        <translation>인권침해 유형별</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="30"/>
        <source>By year (events)</source>
        <translation>연도별 (사건)</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="85"/>
        <source>%1 violation tags, %2 events across the vault.</source>
        <translation>보관함 전체: 인권침해 태그 %1개, 사건 %2건.</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="99"/>
        <source>nothing coded yet</source>
        <translation>아직 코딩한 것 없음</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="102"/>
        <source>tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="103"/>
        <source>events</source>
        <translation>사건</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="143"/>
        <source>%1: %2 passages. Double-click one to hear it.</source>
        <translation>%1: 구절 %2개. 두 번 누르면 들을 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>RevisionHistoryDialog</name>
    <message>
        <location filename="../review_tools.py" line="234"/>
        <source>Revision history</source>
        <translation>수정 기록</translation>
    </message>
    <message>
        <location filename="../review_tools.py" line="236"/>
        <source>Segment %1: every revision is kept; restoring one adds a new revision.</source>
        <translation>구간 %1: 모든 수정본이 보관됩니다. 하나를 되살리면 새 수정본이 추가됩니다.</translation>
    </message>
    <message>
        <location filename="../review_tools.py" line="240"/>
        <source>Revision</source>
        <translation>수정본</translation>
    </message>
    <message>
        <location filename="../review_tools.py" line="240"/>
        <source>By</source>
        <translation>작성자</translation>
    </message>
    <message>
        <location filename="../review_tools.py" line="241"/>
        <source>When</source>
        <translation>시각</translation>
    </message>
    <message>
        <location filename="../review_tools.py" line="241"/>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <location filename="../review_tools.py" line="242"/>
        <source>Text</source>
        <translation>본문</translation>
    </message>
    <message>
        <location filename="../review_tools.py" line="246"/>
        <source>speech engine</source>
        <translation>음성 인식 엔진</translation>
    </message>
    <message>
        <location filename="../review_tools.py" line="257"/>
        <source>&amp;Restore this revision</source>
        <translation>이 수정본 되살리기(&amp;R)</translation>
    </message>
    <message>
        <location filename="../review_tools.py" line="271"/>
        <source>That revision is the current text.</source>
        <translation>그 수정본이 지금의 본문입니다.</translation>
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
        <location filename="../settings_dialog.py" line="54"/>
        <source> min</source>
        <translation> 분</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="56"/>
        <source>Lock after &amp;idle time:</source>
        <translation>사용하지 않으면 잠글 시간(&amp;I):</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="76"/>
        <source>Default transcription &amp;model:</source>
        <translation>기본 받아쓰기 모델(&amp;M):</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="82"/>
        <source>Default &amp;spoken language:</source>
        <translation>기본 말하기 언어(&amp;S):</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="85"/>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="91"/>
        <source>&amp;Audio input:</source>
        <translation>오디오 입력(&amp;A):</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="94"/>
        <source>Re-&amp;encrypt the vault...</source>
        <translation>금고 다시 암호화(&amp;E)...</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="100"/>
        <source>The archive has no vault passphrase: its accounts are managed in the database.</source>
        <translation>아카이브에는 보관함 암호가 없습니다. 계정은 데이터베이스에서 관리합니다.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="103"/>
        <source>If the laptop or the vault folder may have been copied: a new key for the whole vault, so old copies of its header stop working.</source>
        <translation>노트북이나 금고 폴더가 복사되었을 수 있다면: 금고 전체에 새 키를 써서 헤더의 예전 사본이 더 이상 작동하지 않게 합니다.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="106"/>
        <source>Suspected compromise:</source>
        <translation>유출이 의심될 때:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="67"/>
        <source>%1x real time on this laptop</source>
        <translation>이 노트북에서 실시간의 %1배 속도</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="69"/>
        <source>speed not measured yet</source>
        <translation>속도 아직 측정 안 됨</translation>
    </message>
</context>
<context>
    <name>SetupScreen</name>
    <message>
        <location filename="../setup_screen.py" line="71"/>
        <source>Create your vault</source>
        <translation>보관함 만들기</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="77"/>
        <source>Everything you record is kept encrypted in this vault. Choose a long passphrase that only you know: there is no way to recover the vault without it (unless you keep the recovery code shown next).</source>
        <translation>녹음한 모든 것은 이 보관함에 암호화되어 보관됩니다. 나만 아는 긴 암호 문구를 고르세요. 암호 문구 없이는 보관함을 되살릴 방법이 없습니다 (다음에 보여 주는 복구 코드를 보관한 경우는 예외).</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="89"/>
        <source>&amp;Passphrase:</source>
        <translation>암호 문구(&amp;P):</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="90"/>
        <source>&amp;Repeat:</source>
        <translation>다시 입력(&amp;R):</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="96"/>
        <source>Strength:</source>
        <translation>강도:</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="98"/>
        <source>Also create a &amp;recovery code for the organisation&apos;s safe</source>
        <translation>단체 금고에 보관할 복구 코드도 만들기(&amp;R)</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="112"/>
        <source>Open the organisation&apos;s &amp;archive instead...</source>
        <translation>대신 기관의 아카이브 열기(&amp;A)...</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="117"/>
        <source>&amp;Create vault</source>
        <translation>보관함 만들기(&amp;C)</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="129"/>
        <source>Your vault is ready</source>
        <translation>보관함이 준비되었습니다</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="133"/>
        <source>Write this recovery code on paper and give it to your organisation&apos;s safe. It is shown only now, never again, and is never stored on this laptop.</source>
        <translation>이 복구 코드를 종이에 적어 단체 금고에 맡기세요. 지금 한 번만 보여 주며 이 노트북에는 저장되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="151"/>
        <source>&amp;Pin your supervisor&apos;s public key (optional)...</source>
        <translation>감독자 공개 키 고정 - 선택(&amp;P)...</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="159"/>
        <source>I have &amp;written the code down</source>
        <translation>코드를 받아 적었습니다(&amp;W)</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="164"/>
        <source>C&amp;ontinue</source>
        <translation>계속(&amp;O)</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="209"/>
        <source>The two passphrases differ.</source>
        <translation>두 암호 문구가 다릅니다.</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="216"/>
        <source>Too short: use at least 8 characters (a sentence is best).</source>
        <translation>너무 짧습니다: 8자 이상을 쓰세요 (문장이 가장 좋습니다).</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="217"/>
        <source>Weak: add more words; a short sentence only you know works well.</source>
        <translation>약함: 낱말을 더하세요. 나만 아는 짧은 문장이 좋습니다.</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="218"/>
        <source>Fair: a few more words would make it much harder to guess.</source>
        <translation>보통: 낱말을 몇 개 더하면 훨씬 추측하기 어려워집니다.</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="219"/>
        <source>Good.</source>
        <translation>좋음.</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="219"/>
        <source>Strong.</source>
        <translation>강함.</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="257"/>
        <source>Measuring this laptop to choose strong key-derivation settings (a few seconds)...</source>
        <translation>강력한 키 유도 설정을 고르기 위해 이 노트북을 측정하는 중 (몇 초)...</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="184"/>
        <source>This laptop&apos;s device fingerprint: %1</source>
        <translation>이 노트북의 기기 지문: %1</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="287"/>
        <source>Supervisor public key file</source>
        <translation>감독자 공개 키 파일</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="302"/>
        <source>Pinned. Compare this fingerprint with your supervisor: %1</source>
        <translation>고정했습니다. 이 지문을 감독자와 맞춰 보세요: %1</translation>
    </message>
    <message>
        <location filename="../setup_screen.py" line="185"/>
        <source>(Vault › This laptop shows it again at any time.)</source>
        <translation>(보관함 › 이 노트북에서 언제든 다시 볼 수 있습니다.)</translation>
    </message>
</context>
<context>
    <name>SupervisorView</name>
    <message>
        <location filename="../supervisor_view.py" line="59"/>
        <location filename="../supervisor_view.py" line="245"/>
        <source>No supervisor key loaded.</source>
        <translation>감독자 키를 불러오지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="75"/>
        <source>&amp;Open bundle...</source>
        <translation>번들 열기(&amp;O)...</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="77"/>
        <source>&amp;Pin the signing device...</source>
        <translation>서명한 기기 고정(&amp;P)...</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="80"/>
        <source>&amp;Import</source>
        <translation>가져오기(&amp;I)</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="83"/>
        <source>Write &amp;receipt...</source>
        <translation>수령증 쓰기(&amp;R)...</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="106"/>
        <source>&amp;Last group, as read aloud:</source>
        <translation>소리 내어 읽어 준 마지막 묶음(&amp;L):</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="111"/>
        <source>&amp;Confirm and pin</source>
        <translation>확인하고 고정(&amp;C)</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="114"/>
        <source>Pin from a &amp;key file obtained in person...</source>
        <translation>직접 받은 키 파일로 고정(&amp;K)...</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="148"/>
        <source>Supervisor key file</source>
        <translation>감독자 키 파일</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="154"/>
        <source>Open bundle</source>
        <translation>번들 열기</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="162"/>
        <source>Device key file (from &apos;testimony device show&apos;)</source>
        <translation>기기 키 파일 (&apos;testimony device show&apos;의 출력)</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="206"/>
        <source>Supervisor key loaded: %1</source>
        <translation>감독자 키를 불러왔습니다: %1</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="397"/>
        <source>Not accepted: %1</source>
        <translation>받아들이지 않음: %1</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="413"/>
        <source>Before pinning, call the interviewer and ask them to read aloud their laptop&apos;s device fingerprint (&apos;testimony device show&apos; on the laptop). This bundle was signed by device %1 with the fingerprint %2. If every group they read matches, type the last group, which only they can tell you. Or pin from the key file the laptop printed, handed to you in person.</source>
        <translation>고정하기 전에 면담자에게 연락해 노트북의 기기 지문(노트북에서 &apos;testimony device show&apos;)을 소리 내어 읽어 달라고 하세요. 이 번들은 기기 %1이(가) 지문 %2(으)로 서명했습니다. 읽어 준 묶음이 모두 일치하면, 면담자만 알려 줄 수 있는 마지막 묶음을 입력하세요. 또는 노트북이 출력한 키 파일을 직접 건네받아 그것으로 고정하세요.</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="447"/>
        <source>The group you typed is not the last group of this bundle&apos;s key, so nothing was pinned: check it with the interviewer, and if it still differs, do not trust this bundle (it may not come from their laptop).</source>
        <translation>입력한 묶음이 이 번들 키의 마지막 묶음과 달라서 아무것도 고정하지 않았습니다. 면담자와 다시 확인하고, 그래도 다르면 이 번들을 믿지 마세요 (그 노트북에서 온 것이 아닐 수 있습니다).</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="451"/>
        <location filename="../supervisor_view.py" line="480"/>
        <source>Device %1 pinned.</source>
        <translation>기기 %1을(를) 고정했습니다.</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="476"/>
        <source>That key file is not the key that signed this bundle, so nothing was pinned: do not trust this bundle unless the interviewer confirms in person which key their laptop has.</source>
        <translation>그 키 파일은 이 번들에 서명한 키가 아니어서 아무것도 고정하지 않았습니다. 면담자가 노트북의 키를 직접 확인해 주기 전에는 이 번들을 믿지 마세요.</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="490"/>
        <source>Load the supervisor key and open a bundle first.</source>
        <translation>먼저 감독자 키를 불러오고 번들을 여세요.</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="498"/>
        <source>This bundle was already imported; nothing changed. You can write its receipt again.</source>
        <translation>이미 가져온 번들입니다. 바뀐 것은 없습니다. 수령증은 다시 쓸 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="506"/>
        <source>conflict: %1 %2</source>
        <translation>충돌: %1 %2</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="511"/>
        <source>Consent withdrawn, as the laptop recorded it; briefs leave these out: %1</source>
        <translation>노트북에 기록된 대로 동의가 철회되었습니다. 보고서에서 제외됩니다: %1</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="515"/>
        <source>Left out of the receipt until their conflicts are reconciled (the laptop keeps them): %1</source>
        <translation>충돌이 해소될 때까지 영수증에서 제외됨(노트북에 그대로 남습니다): %1</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="369"/>
        <location filename="../supervisor_view.py" line="519"/>
        <source>Warning: %1</source>
        <translation>경고: %1</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="529"/>
        <source>Save receipt as</source>
        <translation>수령증 저장</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="542"/>
        <source>Receipt written to %1; give it to the interviewer.</source>
        <translation>수령증을 %1에 썼습니다. 면담자에게 전달하세요.</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="63"/>
        <source>&amp;Create a supervisor key in this vault</source>
        <translation>이 보관소에 감독자 키 만들기(&amp;C)</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="65"/>
        <source>Use a &amp;key file instead...</source>
        <translation>대신 키 파일 사용(&amp;K)...</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="67"/>
        <source>Save the public key for interviewers...</source>
        <translation>면담자에게 줄 공개 키 저장...</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="126"/>
        <source>Technical &amp;details</source>
        <translation>기술 세부 정보(&amp;D)</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="152"/>
        <source>Save supervisor public key as</source>
        <translation>감독자 공개 키 저장 위치</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="182"/>
        <source>The archive keeps no private keys; use your supervisor key file.</source>
        <translation>아카이브는 개인 키를 보관하지 않습니다. 감독자 키 파일을 사용하십시오.</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="185"/>
        <source>On the archive, load your supervisor key from its key file.</source>
        <translation>아카이브에서는 감독자 키를 키 파일에서 불러오십시오.</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="194"/>
        <source>This vault holds no supervisor key yet. Create one here (it stays inside the vault), or use a key file.</source>
        <translation>이 보관소에는 아직 감독자 키가 없습니다. 여기에서 만들거나(보관소 안에 보관됨) 키 파일을 사용하십시오.</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="205"/>
        <source>Supervisor key kept in this vault: %1</source>
        <translation>이 보관소에 보관된 감독자 키: %1</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="218"/>
        <source>Supervisor key created inside this vault. Save its public key for the interviewers, and read its fingerprint aloud to them when they pin it.</source>
        <translation>이 보관소 안에 감독자 키를 만들었습니다. 면담자에게 줄 공개 키를 저장하고, 면담자가 고정할 때 지문을 소리 내어 읽어 주십시오.</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="234"/>
        <source>Public key saved to %1; give it to the interviewers.</source>
        <translation>공개 키를 %1에 저장했습니다. 면담자에게 전달하십시오.</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="318"/>
        <source>Suspicious: the signature is valid and nothing in it was changed on the way, but its place among this laptop&apos;s bundles does not fit (the warning below says how). It holds %1 (%2). Report it, and ask the interviewer before relying on it.</source>
        <translation>의심스러움: 서명은 유효하고 전달 중에 바뀐 것이 없지만, 이 노트북의 번들 순서에 맞지 않습니다(아래 경고가 이유를 말합니다). %1(%2)을 담고 있습니다. 이를 보고하고, 믿기 전에 면담자에게 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="323"/>
        <source>Verified: this bundle comes from a laptop you pinned, nothing in it was changed on the way, and it holds %1 (%2).</source>
        <translation>검증됨: 이 번들은 고정한 노트북에서 왔고, 전달 중에 바뀐 것이 없으며, %1(%2)을 담고 있습니다.</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="327"/>
        <source>Read the warning below before importing it.</source>
        <translation>가져오기 전에 아래 경고를 읽으십시오.</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="336"/>
        <source>pinned in this vault</source>
        <translation>이 보관함에 고정됨</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="337"/>
        <source>matches the device&apos;s public key file</source>
        <translation>기기 공개 키 파일과 일치함</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="339"/>
        <source>origin NOT checked against this vault (anyone can make a key and claim this device id)</source>
        <translation>이 보관함으로 출처를 확인하지 않았음 (누구나 키를 만들어 이 기기 ID를 주장할 수 있음)</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="343"/>
        <source>nobody (the bundle is not encrypted)</source>
        <translation>아무도 없음 (번들이 암호화되지 않음)</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="345"/>
        <source>Bundle %1 (%2 profile, purpose %3)</source>
        <translation>번들 %1 (%2 프로필, 목적 %3)</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="347"/>
        <source>Signed by device %1</source>
        <translation>서명한 기기 %1</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="348"/>
        <source>fingerprint %1: %2</source>
        <translation>지문 %1: %2</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="350"/>
        <source>signature: valid (minisign, key id %1)</source>
        <translation>서명: 유효함 (minisign, 키 ID %1)</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="352"/>
        <source>Created %1 by app %2</source>
        <translation>%1에 앱 %2(으)로 만듦</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="354"/>
        <source>Sequence %1; previous manifest %2</source>
        <translation>순번 %1; 이전 매니페스트 %2</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="355"/>
        <source>none (the first bundle)</source>
        <translation>없음 (첫 번들)</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="356"/>
        <source>Chain: %1</source>
        <translation>연결: %1</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="358"/>
        <source>not checked</source>
        <translation>확인하지 않음</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="359"/>
        <source>Encrypted to: %1</source>
        <translation>암호화 대상: %1</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="360"/>
        <source>Trusted comment: %1</source>
        <translation>신뢰된 설명: %1</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="361"/>
        <source>Interviews: %1</source>
        <translation>인터뷰: %1</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="364"/>
        <source>Redactions: %1 spans replaced</source>
        <translation>가림 처리: %1개 구간 대체됨</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="366"/>
        <source>Files (%1), each SHA-256 verified:</source>
        <translation>파일 (%1개), 모두 SHA-256 확인됨:</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="376"/>
        <source>1 interview</source>
        <translation>면담 1건</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="376"/>
        <source>%1 interviews</source>
        <translation>면담 %1건</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="377"/>
        <source>1 passage</source>
        <translation>구간 1개</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="377"/>
        <source>%1 passages</source>
        <translation>구간 %1개</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="378"/>
        <source>1 recording</source>
        <translation>녹음 1개</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="378"/>
        <source>%1 recordings</source>
        <translation>녹음 %1개</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="379"/>
        <source>1 marker</source>
        <translation>표시 1개</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="379"/>
        <source>%1 markers</source>
        <translation>표시 %1개</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="380"/>
        <source>1 tag</source>
        <translation>태그 1개</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="380"/>
        <source>%1 tags</source>
        <translation>태그 %1개</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="381"/>
        <source>1 conflict kept for review.</source>
        <translation>검토를 위해 충돌 1건을 보관했습니다.</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="382"/>
        <source>%1 conflicts kept for review.</source>
        <translation>검토를 위해 충돌 %1건을 보관했습니다.</translation>
    </message>
    <message>
        <location filename="../supervisor_view.py" line="501"/>
        <source>Imported: %1.</source>
        <translation>가져옴: %1.</translation>
    </message>
</context>
<context>
    <name>Tables</name>
    <message>
        <location filename="../labels.py" line="73"/>
        <source>interview</source>
        <translation>면담</translation>
    </message>
    <message>
        <location filename="../labels.py" line="74"/>
        <source>witness details</source>
        <translation>증인 정보</translation>
    </message>
    <message>
        <location filename="../labels.py" line="75"/>
        <source>consent</source>
        <translation>동의</translation>
    </message>
    <message>
        <location filename="../labels.py" line="76"/>
        <source>recording</source>
        <translation>녹음</translation>
    </message>
    <message>
        <location filename="../labels.py" line="77"/>
        <source>recording&apos;s audio</source>
        <translation>녹음 파일</translation>
    </message>
    <message>
        <location filename="../labels.py" line="78"/>
        <source>marker</source>
        <translation>표시</translation>
    </message>
    <message>
        <location filename="../labels.py" line="79"/>
        <source>transcript</source>
        <translation>녹취록</translation>
    </message>
    <message>
        <location filename="../labels.py" line="80"/>
        <source>passage</source>
        <translation>구간</translation>
    </message>
    <message>
        <location filename="../labels.py" line="81"/>
        <source>passage revision</source>
        <translation>구간 수정본</translation>
    </message>
    <message>
        <location filename="../labels.py" line="82"/>
        <source>redaction</source>
        <translation>가림 처리</translation>
    </message>
    <message>
        <location filename="../labels.py" line="83"/>
        <source>tag</source>
        <translation>태그</translation>
    </message>
    <message>
        <location filename="../labels.py" line="84"/>
        <source>event</source>
        <translation>사건</translation>
    </message>
    <message>
        <location filename="../labels.py" line="85"/>
        <source>event&apos;s evidence</source>
        <translation>사건의 증거 태그</translation>
    </message>
    <message>
        <location filename="../labels.py" line="86"/>
        <source>link</source>
        <translation>연결</translation>
    </message>
    <message>
        <location filename="../labels.py" line="87"/>
        <source>link&apos;s evidence</source>
        <translation>연결의 증거 태그</translation>
    </message>
    <message>
        <location filename="../labels.py" line="97"/>
        <source>record (%1)</source>
        <translation>기록(%1)</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <location filename="../transcript_view.py" line="203"/>
        <location filename="../transcript_view.py" line="826"/>
        <source>&amp;Play</source>
        <translation>재생(&amp;P)</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="213"/>
        <source>Add &amp;marker here</source>
        <translation>여기에 표시 추가(&amp;M)</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="215"/>
        <source>A marker at the player&apos;s position (%1); it appears in the list and on the Recording tab.</source>
        <translation>재생 위치에 표시를 추가합니다(%1). 목록과 녹음 탭에 나타납니다.</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="220"/>
        <source>Needs &amp;review: least certain first</source>
        <translation>검토 필요: 불확실한 구간부터(&amp;R)</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="225"/>
        <source>Review:</source>
        <translation>검토:</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="234"/>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="234"/>
        <source>Speaker</source>
        <translation>화자</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="236"/>
        <source>Original</source>
        <translation>원문</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="237"/>
        <source>Translation</source>
        <translation>번역</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="237"/>
        <source>Text</source>
        <translation>본문</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="238"/>
        <source>Review</source>
        <translation>검토</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="364"/>
        <source>Play the recording or select a segment first; the marker goes where the player is.</source>
        <translation>먼저 녹음을 재생하거나 구간을 고르십시오. 표시는 재생 위치에 추가됩니다.</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="370"/>
        <source>Marker added at %1.</source>
        <translation>%1에 표시를 추가했습니다.</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="392"/>
        <source>No transcript yet: transcribe the recording on the Recording tab.</source>
        <translation>아직 녹취록이 없습니다. 녹음 탭에서 받아쓰기를 하세요.</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="429"/>
        <source>◆ Marker</source>
        <translation>◆ 표시</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="445"/>
        <source>outdated</source>
        <translation>원문 변경됨</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="446"/>
        <source>The original was changed after this translation; check the translation against it.</source>
        <translation>이 번역 뒤에 원문이 바뀌었습니다. 번역을 원문과 대조해 주십시오.</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="591"/>
        <location filename="../transcript_view.py" line="650"/>
        <source>Saved as a new revision.</source>
        <translation>새 개정판으로 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="662"/>
        <source>Nothing to undo in this window.</source>
        <translation>이 창에서 되돌릴 것이 없습니다.</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="691"/>
        <source>Loop ended.</source>
        <translation>반복 재생을 끝냈습니다.</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="697"/>
        <source>Looping this segment; %1 again ends the loop.</source>
        <translation>이 구간을 반복 재생합니다. %1을(를) 다시 누르면 끝납니다.</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="709"/>
        <source>Speaker saved.</source>
        <translation>화자를 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="750"/>
        <source>Review status saved.</source>
        <translation>검토 상태를 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="777"/>
        <source>Decoding the recording for listening...</source>
        <translation>듣기 위해 녹음을 푸는 중...</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="826"/>
        <source>&amp;Pause</source>
        <translation>일시정지(&amp;P)</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="223"/>
        <source>Only segments not yet reviewed, those the engine was least sure of first.</source>
        <translation>아직 검토하지 않은 구간만, 엔진이 가장 확신하지 못한 구간부터 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="262"/>
        <source>Term suggestions (one click accepts):</source>
        <translation>용어 제안(한 번 누르면 적용):</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="476"/>
        <source>Low confidence ({0:.2f}): the engine was unsure of this segment; check it against the audio.</source>
        <translation>낮은 신뢰도({0:.2f}): 엔진이 이 구간을 확신하지 못했습니다. 녹음과 대조해 확인하세요.</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="479"/>
        <source>Shaded words: the engine was unsure of them.</source>
        <translation>음영 표시된 단어: 엔진이 확신하지 못한 단어입니다.</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="481"/>
        <source>Underlined: a taxonomy name may have been meant; see the suggestions below the table.</source>
        <translation>밑줄: 분류 체계의 용어를 뜻했을 수 있습니다. 표 아래의 제안을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="500"/>
        <source>Replace “{0}” with the taxonomy name “{1}” ({2}); kept as a revision with this reason.</source>
        <translation>“{0}”을(를) 분류 체계 용어 “{1}”({2})(으)로 바꿉니다. 이 사유와 함께 수정 이력으로 보관됩니다.</translation>
    </message>
    <message>
        <location filename="../transcript_view.py" line="530"/>
        <source>Suggestion accepted: saved as a new revision.</source>
        <translation>제안을 적용했습니다: 새 개정판으로 저장했습니다.</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <location filename="../unlock_screen.py" line="41"/>
        <source>The vault is locked</source>
        <translation>보관함이 잠겨 있습니다</translation>
    </message>
    <message>
        <location filename="../unlock_screen.py" line="55"/>
        <source>&amp;Passphrase:</source>
        <translation>암호 문구(&amp;P):</translation>
    </message>
    <message>
        <location filename="../unlock_screen.py" line="56"/>
        <source>This is the &amp;recovery code</source>
        <translation>복구 코드입니다(&amp;R)</translation>
    </message>
    <message>
        <location filename="../unlock_screen.py" line="68"/>
        <source>Open the organisation&apos;s &amp;archive...</source>
        <translation>기관의 아카이브 열기(&amp;A)...</translation>
    </message>
    <message>
        <location filename="../unlock_screen.py" line="73"/>
        <source>&amp;Unlock</source>
        <translation>잠금 해제(&amp;U)</translation>
    </message>
    <message>
        <location filename="../unlock_screen.py" line="107"/>
        <source>Type the passphrase first.</source>
        <translation>먼저 암호 문구를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../unlock_screen.py" line="128"/>
        <source>Unlocking...</source>
        <translation>잠금 해제 중...</translation>
    </message>
</context>
<context>
    <name>Values</name>
    <message>
        <location filename="../labels.py" line="17"/>
        <source>open</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <location filename="../labels.py" line="18"/>
        <source>recorded</source>
        <translation>녹음됨</translation>
    </message>
    <message>
        <location filename="../labels.py" line="19"/>
        <source>transcribed</source>
        <translation>전사됨</translation>
    </message>
    <message>
        <location filename="../labels.py" line="20"/>
        <source>reviewed</source>
        <translation>검토됨</translation>
    </message>
    <message>
        <location filename="../labels.py" line="21"/>
        <source>closed</source>
        <translation>종료됨</translation>
    </message>
    <message>
        <location filename="../labels.py" line="23"/>
        <source>draft</source>
        <translation>초안</translation>
    </message>
    <message>
        <location filename="../labels.py" line="24"/>
        <source>disputed</source>
        <translation>이의 있음</translation>
    </message>
    <message>
        <location filename="../labels.py" line="26"/>
        <source>archive</source>
        <translation>보존</translation>
    </message>
    <message>
        <location filename="../labels.py" line="27"/>
        <source>UN</source>
        <translation>유엔</translation>
    </message>
    <message>
        <location filename="../labels.py" line="28"/>
        <source>court</source>
        <translation>법정</translation>
    </message>
    <message>
        <location filename="../labels.py" line="29"/>
        <source>publication</source>
        <translation>공개</translation>
    </message>
    <message>
        <location filename="../labels.py" line="30"/>
        <source>name disclosure</source>
        <translation>실명 공개</translation>
    </message>
    <message>
        <location filename="../labels.py" line="32"/>
        <source>interviewer</source>
        <translation>면담자</translation>
    </message>
    <message>
        <location filename="../labels.py" line="33"/>
        <source>translator</source>
        <translation>번역자</translation>
    </message>
    <message>
        <location filename="../labels.py" line="34"/>
        <source>coder</source>
        <translation>코딩 담당자</translation>
    </message>
    <message>
        <location filename="../labels.py" line="35"/>
        <source>supervisor</source>
        <translation>감독자</translation>
    </message>
    <message>
        <location filename="../labels.py" line="37"/>
        <source>analyst</source>
        <translation>분석가</translation>
    </message>
    <message>
        <location filename="../labels.py" line="38"/>
        <source>administrator</source>
        <translation>관리자</translation>
    </message>
    <message>
        <location filename="../labels.py" line="46"/>
        <source>low</source>
        <translation>낮음</translation>
    </message>
    <message>
        <location filename="../labels.py" line="47"/>
        <source>medium</source>
        <translation>보통</translation>
    </message>
    <message>
        <location filename="../labels.py" line="48"/>
        <source>high</source>
        <translation>높음</translation>
    </message>
    <message>
        <location filename="../labels.py" line="50"/>
        <source>experienced</source>
        <translation>직접 겪음</translation>
    </message>
    <message>
        <location filename="../labels.py" line="51"/>
        <source>saw</source>
        <translation>직접 봄</translation>
    </message>
    <message>
        <location filename="../labels.py" line="52"/>
        <source>heard</source>
        <translation>전해 들음</translation>
    </message>
    <message>
        <location filename="../labels.py" line="54"/>
        <source>written</source>
        <translation>서면</translation>
    </message>
    <message>
        <location filename="../labels.py" line="55"/>
        <source>oral, recorded</source>
        <translation>구두, 녹음</translation>
    </message>
    <message>
        <location filename="../labels.py" line="56"/>
        <source>oral, witnessed</source>
        <translation>구두, 입회</translation>
    </message>
    <message>
        <location filename="../labels.py" line="40"/>
        <source>share</source>
        <translation>공유</translation>
    </message>
    <message>
        <location filename="../labels.py" line="42"/>
        <source>recording</source>
        <translation>녹음 중</translation>
    </message>
    <message>
        <location filename="../labels.py" line="43"/>
        <source>complete</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../labels.py" line="44"/>
        <source>interrupted</source>
        <translation>중단됨</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../main_window.py" line="50"/>
        <source>&amp;Recording and files</source>
        <translation>녹음과 파일(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="51"/>
        <source>&amp;Transcript</source>
        <translation>녹취록(&amp;T)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="52"/>
        <source>C&amp;oding</source>
        <translation>코딩(&amp;O)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="53"/>
        <source>Tra&amp;nslation</source>
        <translation>번역(&amp;N)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="56"/>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="57"/>
        <source>S&amp;upervisor</source>
        <translation>감독자(&amp;U)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="58"/>
        <source>Re&amp;ports</source>
        <translation>보고서(&amp;P)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="59"/>
        <source>&amp;Connections</source>
        <translation>연결(&amp;C)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="93"/>
        <source>&amp;Interviews</source>
        <translation>면담 목록(&amp;I)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="94"/>
        <source>Inter&amp;view</source>
        <translation>면담(&amp;V)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="121"/>
        <source>Open interview: %1</source>
        <translation>열린 면담: %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="153"/>
        <source>Warning: %1 Someone may have tried to open this vault.</source>
        <translation>경고: %1 누군가 이 보관함을 열려고 했을 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="169"/>
        <source>Recording, export to a bundle and purge belong to a field laptop, not to the archive.</source>
        <translation>녹음, 번들 내보내기, 삭제는 아카이브가 아니라 현장 노트북에서 하는 작업입니다.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="172"/>
        <source>Working on the organisation&apos;s archive: recording, export to a bundle, purge and the vault passphrase belong to a field laptop and are not offered here.</source>
        <translation>기관의 아카이브에서 작업 중입니다. 녹음, 번들 내보내기, 삭제, 보관함 암호는 현장 노트북의 기능이므로 여기서는 제공하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="178"/>
        <source>Interviews reach the archive in bundles from field laptops.</source>
        <translation>면담은 현장 노트북의 번들로 아카이브에 들어옵니다.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="184"/>
        <source>Verifying and importing bundles needs a supervisor&apos;s account.</source>
        <translation>번들 검증과 가져오기에는 감독자 계정이 필요합니다.</translation>
    </message>
</context>
</TS>
