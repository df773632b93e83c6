"""Every error code of the core and its English template: the one source of the sentences.

It also holds the core's notices: sentences that describe a result rather than a failure (a
bundle's place in its device's chain, ``bundle_chain.*``; the warnings a verification or an
import reports, ``bundle_warning.*``; why accounts disagree, ``connect_conflict.*``). They share
the one catalogue, the one renderer (``errors.Message``) and the Qt context "Errors" on purpose:
a front end renders every core sentence with one translate function, and a notice nests a message
(``bundle_chain.bundle_ref``) exactly as an error does; the code's prefix says it is a notice.

``str(exc)`` of a ``Problem`` is its template filled in with ``str.format``. The window looks up
the same template under the Qt translation context "Errors" (``scripts/update-translations.sh``
extracts these strings into ui/i18n/testimony_ko.ts), translates it, then fills it in.

House rules (a test checks them): a template is one sentence, or a lower-case reason that a
refusal template takes as ``{reason}``; it says what happened and what to do; it names no
command-line flag (no ``--``: the CLI adds flag hints per code); it never quotes testimony.
A code, once released, keeps its meaning; change the wording freely, never reuse a code.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name Qt's tools read
    """Marks ``text`` for extraction by pyside6-lupdate; returns it unchanged (no Qt here)."""
    return text


CATALOG: dict[str, str] = {
    # app
    "app.database_unreadable": QT_TRANSLATE_NOOP(
        "Errors", "The vault database is damaged or could not be read; restore it from a backup "
        "and report the problem."),
    "app.file_operation_failed": QT_TRANSLATE_NOOP(
        "Errors", "A file operation failed ({reason}); check the path and free disk space."),
    "app.unexpected": QT_TRANSLATE_NOOP(
        "Errors", "An unexpected error occurred ({error}); nothing more was changed — report "
        "it."),
    "app.cancelled": QT_TRANSLATE_NOOP("Errors", "Cancelled; nothing more was changed."),
    # archive (the organisation's PostgreSQL archive)
    "archive.support_not_installed": QT_TRANSLATE_NOOP(
        "Errors", "This installation has no PostgreSQL support (the psycopg package); install "
        "Testimony Vault with its archive extra on the machines that use the archive."),
    "archive.cannot_connect": QT_TRANSLATE_NOOP(
        "Errors", "Cannot connect to the archive ({where}); check the address and that the "
        "server is running, then try again."),
    "archive.bad_address": QT_TRANSLATE_NOOP(
        "Errors", "The archive address cannot be read; write it as postgresql://user@host/database "
        "and try again."),
    "archive.login_refused": QT_TRANSLATE_NOOP(
        "Errors", "The archive server refused the login ({where}); check the user name, the "
        "password and the database name, then try again."),
    "archive.no_role": QT_TRANSLATE_NOOP(
        "Errors", "The database account {login} is not a supervisor, analyst or translator of "
        "the archive; ask the archive's administrator to give it one of these roles."),
    "archive.not_an_archive": QT_TRANSLATE_NOOP(
        "Errors", "The {where} is not a Testimony Vault archive; check the address, or create "
        "an archive there first."),
    "archive.role_cannot_read": QT_TRANSLATE_NOOP(
        "Errors", "This database account may not open the archive ({where}); ask the archive's "
        "administrator for a supervisor, analyst or translator account."),
    "archive.schema_differs": QT_TRANSLATE_NOOP(
        "Errors", "The archive was made for data version {version} and this program uses "
        "version {expected}; use the matching Testimony Vault version."),
    "archive.schema_older": QT_TRANSLATE_NOOP(
        "Errors", "The archive was made for data version {version} and this program uses "
        "version {expected}; ask the archive's administrator to bring it up to date with "
        "'testimony archive upgrade'."),
    "archive.upgrade_needs_owner": QT_TRANSLATE_NOOP(
        "Errors", "Only the account that owns the archive's tables may upgrade the {where}; "
        "nothing was changed, run it again as the archive's administrator."),
    "archive.already_exists": QT_TRANSLATE_NOOP(
        "Errors", "The {where} already holds an archive or other tables; nothing was changed, "
        "choose an empty database."),
    "archive.key_file_exists": QT_TRANSLATE_NOOP(
        "Errors", "{path} already exists; choose a new file for the archive key."),
    "archive.key_folder_missing": QT_TRANSLATE_NOOP(
        "Errors", "The folder {path} does not exist; create it or choose another place for the "
        "archive key."),
    "archive.key_unreadable": QT_TRANSLATE_NOOP(
        "Errors", "{path} is not a readable archive key file; give the key file written when "
        "the archive was created."),
    "archive.objects_not_empty": QT_TRANSLATE_NOOP(
        "Errors", "{path} is not an empty folder; choose an empty or new folder for the "
        "archive's recordings."),
    "archive.object_name_invalid": QT_TRANSLATE_NOOP(
        "Errors", "{sha256} is not a SHA-256 name of a recording; nothing was read or written."),
    "archive.object_hash_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "The recording {sha256} does not match its SHA-256, so it was not used; "
        "restore the archive's recordings folder from a backup."),
    "archive.object_missing": QT_TRANSLATE_NOOP(
        "Errors", "The recording {sha256} is missing from the archive's recordings folder; "
        "restore it from a backup."),
    "archive.object_unreadable": QT_TRANSLATE_NOOP(
        "Errors", "The recording {sha256} cannot be decrypted with this key or was damaged; "
        "check the key file, or restore the recording from a backup."),
    "archive.refused": QT_TRANSLATE_NOOP(
        "Errors", "The archive refused this to your database account ({action}); ask a person "
        "with the right role to do it."),
    "archive.migrate_count_differs": QT_TRANSLATE_NOOP(
        "Errors", "After copying, the archive holds {archive} rows of {table} where the vault "
        "has {vault}; the copy is incomplete, run the migration again."),
    "archive.migrate_conflict": QT_TRANSLATE_NOOP(
        "Errors", "The archive already holds a different {table} record with the key {key}; "
        "nothing more was copied, reconcile the two before migrating again."),
    "archive.vault_blob_damaged": QT_TRANSLATE_NOOP(
        "Errors", "The vault's recording {blob_id} does not match its SHA-256, so it was not "
        "copied; restore the vault from a backup and migrate again."),
    # audio
    "audio.single_audio_interview_see": QT_TRANSLATE_NOOP(
        "Errors", "No single audio {asset} in interview {interview}; see 'testimony audio list "
        "{interview}'."),
    "audio.recording_still_progress_stop": QT_TRANSLATE_NOOP(
        "Errors", "That recording is still in progress; stop it before exporting."),
    "audio.folder_give_file_name": QT_TRANSLATE_NOOP(
        "Errors", "{dest} is a folder; give a file name to write the audio to."),
    "audio.export_target_exists": QT_TRANSLATE_NOOP(
        "Errors", "{dest} already exists; choose another name."),
    "audio.folder_exist_create_first": QT_TRANSLATE_NOOP(
        "Errors", "The folder {parent} does not exist; create it first."),
    "audio.marker_time_negative_give": QT_TRANSLATE_NOOP(
        "Errors", "A marker time cannot be negative; give seconds from the start."),
    "audio.marker_note_most_characters": QT_TRANSLATE_NOOP(
        "Errors", "A marker note can be at most {max_marker_note} characters; shorten it and "
        "try again."),
    "audio.there_file_check_path": QT_TRANSLATE_NOOP(
        "Errors", "There is no file {path}; check the path and try again."),
    "audio.folder_give_path_audio": QT_TRANSLATE_NOOP(
        "Errors", "{path} is a folder; give the path of an audio file."),
    "audio.read_check_permissions": QT_TRANSLATE_NOOP(
        "Errors", "{path} cannot be read ({strerror}); check its permissions."),
    "audio.empty_bytes_nothing_stored": QT_TRANSLATE_NOOP(
        "Errors", "{name} is empty (0 bytes), so nothing was stored; choose the original "
        "recording, or re-export it from the device."),
    "audio.stored_audio_match_sha": QT_TRANSLATE_NOOP(
        "Errors", "The stored audio does not match the SHA-256 recorded for it, so it was not "
        "exported; the vault may be damaged — restore it from a backup."),
    "audio.disk_full_import_stopped": QT_TRANSLATE_NOOP(
        "Errors", "The disk is full, so the import was stopped and nothing was stored; free "
        "some space and import again."),
    "audio.truncated_file_ends_before": QT_TRANSLATE_NOOP(
        "Errors", "{name} is truncated (the file ends before the audio its header declares), so "
        "nothing was stored; {fix}"),
    "audio.readable_audio_video_file": QT_TRANSLATE_NOOP(
        "Errors", "{name} is not a readable audio or video file, so nothing was stored; {fix}"),
    "audio.audio_track_nothing_stored": QT_TRANSLATE_NOOP(
        "Errors", "{name} has no audio track, so nothing was stored; {fix}"),
    "audio.contains_sound_audio_track": QT_TRANSLATE_NOOP(
        "Errors", "{name} contains no sound (its audio track is empty), so nothing was stored; "
        "{fix}"),
    "audio.damaged_audio_blocks_decoded": QT_TRANSLATE_NOOP(
        "Errors", "{name} is damaged ({bad} of {packets} audio blocks cannot be decoded), so "
        "nothing was stored; {fix}"),
    "audio.damaged_truncated_holds_s": QT_TRANSLATE_NOOP(
        "Errors", "{name} is damaged or truncated (it holds {duration:.1f} s of the "
        "{declared:.1f} s it declares), so nothing was stored; {fix}"),
    "audio.damaged_audio_read_end": QT_TRANSLATE_NOOP(
        "Errors", "{name} is damaged (its audio cannot be read to the end), so nothing was "
        "stored; {fix}"),
    "audio.import_cancelled": QT_TRANSLATE_NOOP("Errors", "Import cancelled; nothing was stored."),
    "audio.fix_reexport": QT_TRANSLATE_NOOP(
        "Errors", "choose the original recording, or re-export it from the device."),
    # bundle
    "bundle.receipt_key_age_recipient": QT_TRANSLATE_NOOP(
        "Errors", "its receipt key (age recipient) differs from the one pinned for this device; "
        "compare 'testimony device show' on the laptop with the pinned key"),
    "bundle.laptop_s_audit_history": QT_TRANSLATE_NOOP(
        "Errors", "this laptop's audit history was rewritten: entry {value}, shown by an "
        "earlier bundle from this device, was removed or changed (someone who knew the "
        "passphrase edited the history; report this)"),
    "bundle.audit_history_entries_longer": QT_TRANSLATE_NOOP(
        "Errors", "its audit history ({n} entries) is not longer than that of bundle {min} from "
        "this device ({value} entries), so audit entries were removed on the laptop (report "
        "this)"),
    "bundle.container_malformed": QT_TRANSLATE_NOOP(
        "Errors", "The bundle was refused: its container is malformed ({reason}); nothing was "
        "changed."),
    "bundle.too_many_entries": QT_TRANSLATE_NOOP("Errors", "too many entries"),
    "bundle.declared_sizes_exceed_limit": QT_TRANSLATE_NOOP(
        "Errors", "declared sizes exceed the limit"),
    "bundle.entry_name_empty_too": QT_TRANSLATE_NOOP(
        "Errors", "an entry name is empty or too long"),
    "bundle.entry_name_allowed": QT_TRANSLATE_NOOP("Errors", "an entry name is not allowed"),
    "bundle.duplicated_entry": QT_TRANSLATE_NOOP("Errors", "a duplicated entry"),
    "bundle.bad_size_field": QT_TRANSLATE_NOOP("Errors", "a bad size field"),
    "bundle.non_canonical_entry_header": QT_TRANSLATE_NOOP(
        "Errors", "a non-canonical entry header"),
    "bundle.truncated": QT_TRANSLATE_NOOP("Errors", "it is truncated"),
    "bundle.data_after_end_archive": QT_TRANSLATE_NOOP(
        "Errors", "data after the end of the archive"),
    "bundle.non_zero_padding": QT_TRANSLATE_NOOP("Errors", "non-zero padding"),
    "bundle.entry_after_end_marker": QT_TRANSLATE_NOOP("Errors", "an entry after the end marker"),
    "bundle.entry_name_plain_ascii": QT_TRANSLATE_NOOP(
        "Errors", "an entry name is not plain ASCII"),
    "bundle.different_bundle_same_id": QT_TRANSLATE_NOOP(
        "Errors", "a different bundle with the same id was already imported"),
    "bundle.fork_bundle_follow_bundle": QT_TRANSLATE_NOOP(
        "Errors", "it is a fork: bundle {seq} does not follow bundle {value} that was accepted "
        "from this device"),
    "bundle.names_device_device_signer": QT_TRANSLATE_NOOP(
        "Errors", "it names device {device_id}, not the device {device_id2} of the signer key "
        "file"),
    "bundle.claims_come_from_device": QT_TRANSLATE_NOOP(
        "Errors", "it claims to come from device {device_id} but was signed by a different key "
        "(fingerprint {fingerprint}, not {fingerprint2} as in the signer key file), so someone "
        "else made it"),
    "bundle.fork_says_follows_device": QT_TRANSLATE_NOOP(
        "Errors", "it is a fork: {me} says it follows {p} of this device, which does not come "
        "just before it"),
    "bundle.fork_device_s_bundle": QT_TRANSLATE_NOOP(
        "Errors", "it is a fork: this device's bundle number {seq} was already imported with "
        "different content ({bundle_id}); report this: one of the two was not made by the "
        "laptop you trust"),
    "bundle.signed_device_pinned_vault": QT_TRANSLATE_NOOP(
        "Errors", "it was signed by a device that is not pinned in this vault (fingerprint "
        "{fingerprint}); pin it with 'testimony keys trust-device' only after comparing that "
        "fingerprint with the interviewer"),
    "bundle.signed_device_but_writes": QT_TRANSLATE_NOOP(
        "Errors", "it was signed by device {device} but writes into {interview_label}, which "
        "belongs to device {value} (report this: one of the two laptops may be stolen)"),
    "bundle.signed_device_but_writes_2": QT_TRANSLATE_NOOP(
        "Errors", "it was signed by device {device} but writes into {interview_label}, which "
        "was created in this vault and belongs to no device"),
    "bundle.holds_table_vault_accept": QT_TRANSLATE_NOOP(
        "Errors", "it holds a table ('{table}') this vault does not accept"),
    "bundle.records_fit_vault_s": QT_TRANSLATE_NOOP(
        "Errors", "its '{table}' records do not fit this vault's schema"),
    "bundle.record_id_record_belongs": QT_TRANSLATE_NOOP(
        "Errors", "its '{table}' record {key} has the id of a record that belongs to another "
        "interview in this vault"),
    "bundle.withheld_audio_placeholder_empty": QT_TRANSLATE_NOOP(
        "Errors", "its withheld-audio placeholder {blob_id} is not empty"),
    "bundle.records_refer_data_neither": QT_TRANSLATE_NOOP(
        "Errors", "its records refer to data that is neither in the bundle nor in this vault"),
    "bundle.holds_table_vault_accept_2": QT_TRANSLATE_NOOP(
        "Errors", "it holds a table ('{table}') this vault does not accept for interview data "
        "(made by a newer version, or crafted)"),
    "bundle.audio_file_id_recording": QT_TRANSLATE_NOOP(
        "Errors", "its audio file {blob_id} has the id of a recording that belongs to another "
        "interview in this vault"),
    "bundle.audio_withheld_recording_match": QT_TRANSLATE_NOOP(
        "Errors", "its audio for the withheld recording {blob_id} does not match the SHA-256 "
        "recorded for that recording"),
    "bundle.records_refer_record_another": QT_TRANSLATE_NOOP(
        "Errors", "its records refer to a '{table}' record of another interview in this vault"),
    "bundle.audio_belong_only_interviews": QT_TRANSLATE_NOOP(
        "Errors", "its audio {blob_id} does not belong only to the interviews it lists"),
    "bundle.recording_match_sha_records": QT_TRANSLATE_NOOP(
        "Errors", "its recording {blob_id} does not match the SHA-256 its records give for it"),
    "bundle.lists_interview_but_carries": QT_TRANSLATE_NOOP(
        "Errors", "it lists interview {iid} but carries none of its records"),
    "bundle.bundle_s_interview_same": QT_TRANSLATE_NOOP(
        "Errors", "The bundle's interview {code} has the same code as a different interview "
        "already in this vault; nothing was imported — give one of them a new code (codes must "
        "be unique across the organisation)."),
    "bundle.refused": QT_TRANSLATE_NOOP(
        "Errors", "The bundle was refused: {reason}; nothing was changed."),
    "bundle.lacks_device_s_audit": QT_TRANSLATE_NOOP(
        "Errors", "it lacks the device's audit chain or receipt key (made by an older version "
        "of Testimony Vault, or altered); export it again with the current version"),
    "bundle.encryption_match_what_sender": QT_TRANSLATE_NOOP(
        "Errors", "its encryption does not match what the sender signed (it was re-packaged by "
        "someone else)"),
    "bundle.addressed_someone_else_forwarded": QT_TRANSLATE_NOOP(
        "Errors", "it was addressed to someone else and forwarded (your key is not among the "
        "recipients the sender signed)"),
    "bundle.file_changed_while_being": QT_TRANSLATE_NOOP(
        "Errors", "the file changed while it was being imported"),
    "bundle.read_bundle_check_path": QT_TRANSLATE_NOOP(
        "Errors", "Cannot read the bundle {path} ({strerror}); check the path."),
    "bundle.malformed": QT_TRANSLATE_NOOP("Errors", "it is malformed"),
    "bundle.record_valid": QT_TRANSLATE_NOOP("Errors", "a record is not valid ({exc})"),
    "bundle.device_key_file_damaged": QT_TRANSLATE_NOOP("Errors", "its device key file is damaged"),
    "bundle.signature_match_manifest_altered": QT_TRANSLATE_NOOP(
        "Errors", "its signature does not match its manifest (it was altered or forged)"),
    "bundle.manifest_strict_json": QT_TRANSLATE_NOOP(
        "Errors", "its manifest is not strict JSON ({exc})"),
    "bundle.encrypted_needs_identity": QT_TRANSLATE_NOOP(
        "Errors", "This bundle is encrypted; open it with the supervisor key file."),
    "bundle.decrypted_key_damaged_cut": QT_TRANSLATE_NOOP(
        "Errors", "it cannot be decrypted with this key, or it was damaged or cut short"),
    "bundle.testimony_vault_bundle": QT_TRANSLATE_NOOP(
        "Errors", "it is not a Testimony Vault bundle"),
    "bundle.made_incompatible_version_testimony": QT_TRANSLATE_NOOP(
        "Errors", "it was made by an incompatible version of Testimony Vault"),
    "bundle.declares_too_many_files": QT_TRANSLATE_NOOP("Errors", "it declares too many files"),
    "bundle.declared_size_over_limit": QT_TRANSLATE_NOOP(
        "Errors", "its declared size is over the limit"),
    "bundle.declares_oversized_sha_sums": QT_TRANSLATE_NOOP(
        "Errors", "it declares an oversized SHA256SUMS"),
    "bundle.audio_list_match_files": QT_TRANSLATE_NOOP(
        "Errors", "its audio list does not match its files"),
    "bundle.names_file_allowed": QT_TRANSLATE_NOOP("Errors", "it names a file that is not allowed"),
    "bundle.lists_file_twice": QT_TRANSLATE_NOOP("Errors", "it lists a file twice"),
    "bundle.declares_oversized_file": QT_TRANSLATE_NOOP("Errors", "it declares an oversized file"),
    "bundle.record_object": QT_TRANSLATE_NOOP("Errors", "a record is not an object"),
    "bundle.audit_entry_malformed": QT_TRANSLATE_NOOP("Errors", "an audit entry is malformed"),
    "bundle.audit_entry_match_hash": QT_TRANSLATE_NOOP(
        "Errors", "an audit entry does not match its hash"),
    "bundle.signed_trusted_comment_match": QT_TRANSLATE_NOOP(
        "Errors", "its signed trusted comment does not match its manifest (it was forged)"),
    "bundle.manifest_names_different_device": QT_TRANSLATE_NOOP(
        "Errors", "its manifest names a different device than its key file"),
    "bundle.device_key_file_altered": QT_TRANSLATE_NOOP(
        "Errors", "its device key file was altered"),
    "bundle.incomplete": QT_TRANSLATE_NOOP("Errors", "it is incomplete"),
    "bundle.larger_than_any_bundle": QT_TRANSLATE_NOOP(
        "Errors", "it is larger than any bundle may be"),
    "bundle.entries_out_order": QT_TRANSLATE_NOOP("Errors", "its entries are out of order"),
    "bundle.oversized": QT_TRANSLATE_NOOP("Errors", "its {want} is oversized"),
    "bundle.holds_more_files_than": QT_TRANSLATE_NOOP(
        "Errors", "it holds more files than its manifest lists"),
    "bundle.entries_match_manifest_s": QT_TRANSLATE_NOOP(
        "Errors", "its entries do not match the manifest's order"),
    "bundle.entry_s_size_differs": QT_TRANSLATE_NOOP(
        "Errors", "an entry's size differs from the manifest"),
    "bundle.audit_chain_malformed": QT_TRANSLATE_NOOP("Errors", "its audit chain is malformed"),
    "bundle.record_odd_values": QT_TRANSLATE_NOOP("Errors", "a record has odd values"),
    "bundle.record_belongs_interview_manifest": QT_TRANSLATE_NOOP(
        "Errors", "a record belongs to an interview the manifest does not list"),
    "bundle.record_oversized": QT_TRANSLATE_NOOP("Errors", "a record is oversized"),
    "bundle.file_altered": QT_TRANSLATE_NOOP("Errors", "the file {name} was altered"),
    "bundle.sha_sums_differs_from": QT_TRANSLATE_NOOP(
        "Errors", "its SHA256SUMS differs from the signed manifest"),
    "bundle.record_file_end_newline": QT_TRANSLATE_NOOP(
        "Errors", "a record file does not end with a newline"),
    "bundle.manifest_unexpected_form": QT_TRANSLATE_NOOP(
        "Errors", "its manifest is not in the expected form"),
    "bundle.audit_history_altered": QT_TRANSLATE_NOOP(
        "Errors", "its audit history does not match its own audit entries (it was altered)"),
    "bundle.chain_broken_first_names_previous": QT_TRANSLATE_NOOP(
        "Errors", "its chain is broken: bundle {seq} names a previous bundle although it is the "
        "first"),
    "bundle.chain_broken_names_no_previous": QT_TRANSLATE_NOOP(
        "Errors", "its chain is broken: bundle {seq} names no previous bundle"),
    "bundle.cancelled_nothing_changed": QT_TRANSLATE_NOOP(
        "Errors", "Cancelled; nothing was changed."),
    "bundle.export_cancelled": QT_TRANSLATE_NOOP(
        "Errors", "The export was cancelled; no bundle file was left behind."),
    "bundle.import_cancelled": QT_TRANSLATE_NOOP(
        "Errors", "The import was cancelled; nothing was changed."),
    # bundle notices (not errors): a bundle's place in its device's chain, as the verification
    # report's "Chain:" line says it, and the warnings a verification or an import reports.
    # The code prefix marks them as notices; a warning that makes a bundle suspicious has a
    # code starting "bundle_warning.suspicious_" (the importer tests the code, never the text).
    "bundle_chain.bundle_ref": QT_TRANSLATE_NOOP("Errors", "bundle {seq} ({bundle_id})"),
    "bundle_chain.replay": QT_TRANSLATE_NOOP(
        "Errors", "replay: this exact bundle was already imported"),
    "bundle_chain.first": QT_TRANSLATE_NOOP("Errors", "first bundle from this device"),
    "bundle_chain.first_arrived_after": QT_TRANSLATE_NOOP(
        "Errors", "first bundle from this device (arrived after bundle {later})"),
    "bundle_chain.continues": QT_TRANSLATE_NOOP("Errors", "continues from bundle {previous}"),
    "bundle_chain.continues_arrived_after": QT_TRANSLATE_NOOP(
        "Errors", "continues from bundle {previous} (arrived after bundle {later})"),
    "bundle_chain.continues_unanchored": QT_TRANSLATE_NOOP(
        "Errors", "continues from bundle {previous}, which was accepted without a known parent"),
    "bundle_chain.first_seen": QT_TRANSLATE_NOOP(
        "Errors", "first bundle seen from this device is number {seq}"),
    "bundle_chain.earlier_unknown": QT_TRANSLATE_NOOP(
        "Errors", "bundles before number {seq} are unknown here"),
    "bundle_chain.previous_unknown": QT_TRANSLATE_NOOP(
        "Errors", "its previous bundle ({previous}) is unknown here"),
    "bundle_warning.earlier_never_imported": QT_TRANSLATE_NOOP(
        "Errors", "bundles 1 to {previous} from this device were never imported here; ask "
        "whether they exist"),
    "bundle_warning.suspicious_not_following": QT_TRANSLATE_NOOP(
        "Errors", "suspicious: {me} does not follow {other}, which was accepted earlier without "
        "a known parent; report this: one of the two was not made by the laptop you trust"),
    "bundle_warning.suspicious_unknown_parent": QT_TRANSLATE_NOOP(
        "Errors", "suspicious: {me} follows a bundle this vault has never seen (the last "
        "imported before it is {last}); bundles {first_missing} to {last_missing} from this "
        "device are missing here: ask the interviewer whether they exist; if not, {me} was not "
        "made by the laptop you trust"),
    "bundle_warning.suspicious_same_number_other_unanchored": QT_TRANSLATE_NOOP(
        "Errors", "suspicious: {me} and {other} both carry number {seq} from this device and "
        "{other} was accepted earlier without a known parent; report this: one of them was not "
        "made by the laptop you trust"),
    "bundle_warning.suspicious_same_number_neither_follows": QT_TRANSLATE_NOOP(
        "Errors", "suspicious: {me} and {other} both carry number {seq} from this device and "
        "neither follows a bundle imported here; report this: one of them was not made by the "
        "laptop you trust"),
    "bundle_warning.suspicious_later_not_following": QT_TRANSLATE_NOOP(
        "Errors", "suspicious: {later}, accepted earlier without a known parent, does not follow "
        "{me}; report this: one of the two was not made by the laptop you trust"),
    "bundle_warning.suspicious_two_fit": QT_TRANSLATE_NOOP(
        "Errors", "suspicious: this device has two bundles numbered {seq} that both fit its "
        "chain ({bundle_ids}); report this: one of them was not made by the laptop you trust"),
    "bundle_warning.not_encrypted": QT_TRANSLATE_NOOP(
        "Errors", "this bundle is NOT encrypted; anyone who held the file could read it"),
    # unlock notices (not errors): shown after a successful unlock
    "unlock_warning.failed_attempt": QT_TRANSLATE_NOOP(
        "Errors", "1 failed unlock attempt since {since}."),
    "unlock_warning.failed_attempts": QT_TRANSLATE_NOOP(
        "Errors", "{count} failed unlock attempts since {since}."),
    # conflict
    "conflict.there_conflict_testimony_conflicts": QT_TRANSLATE_NOOP(
        "Errors", "There is no conflict {conflict_id}; 'testimony conflicts list' shows their "
        "ids. Nothing was changed."),
    "conflict.conflict_already_marked_resolved": QT_TRANSLATE_NOOP(
        "Errors", "Conflict {conflict_id} was already marked resolved at {resolved_at}; nothing "
        "was changed."),
    # export
    "export.interview_vault_nothing_exported": QT_TRANSLATE_NOOP(
        "Errors", "No interview {ident} in this vault; nothing was exported — see 'testimony "
        "interview list'."),
    "export.audio_changed_during_export": QT_TRANSLATE_NOOP(
        "Errors", "An audio file changed while it was being exported; nothing was exported — "
        "try again."),
    "export.stored_audio_file_longer": QT_TRANSLATE_NOOP(
        "Errors", "A stored audio file no longer matches its recorded hash; nothing was "
        "exported — run 'testimony check' and report this."),
    "export.unknown_profile_use_one": QT_TRANSLATE_NOOP(
        "Errors", "Unknown profile '{profile}'; use one of: {choices}."),
    "export.unknown_purpose_use_one": QT_TRANSLATE_NOOP(
        "Errors", "Unknown purpose '{purpose}'; use one of: {choices}."),
    "export.name_least_one_recipient": QT_TRANSLATE_NOOP(
        "Errors", "Name at least one recipient (a pinned supervisor's public key file)."),
    "export.already_exists_choose_new": QT_TRANSLATE_NOOP(
        "Errors", "{out} already exists; choose a new file name (nothing was written)."),
    "export.folder_exist_create_choose": QT_TRANSLATE_NOOP(
        "Errors", "The folder {parent} does not exist; create it or choose another."),
    "export.there_nothing_export_see": QT_TRANSLATE_NOOP(
        "Errors", "There is nothing to export (see the notes above); no file was written."),
    "export.interview_s_audio_still": QT_TRANSLATE_NOOP(
        "Errors", "An interview's audio is still being recorded or is missing; finish the "
        "recording first (nothing was exported)."),
    "export.interview_exported_because_nothing": QT_TRANSLATE_NOOP(
        "Errors", "Interview {code} cannot be exported because {why}; nothing was exported — "
        "remove it from the list or update the consent."),
    # keys
    "keys.no_supervisor_key": QT_TRANSLATE_NOOP(
        "Errors", "This vault holds no supervisor key; create one (Supervisor tab, or 'testimony keys supervisor-new') or use a supervisor key file."),
    "keys.several_supervisor_keys": QT_TRANSLATE_NOOP(
        "Errors", "This vault holds several supervisor keys; name the key file to use."),
    "keys.supervisor_key_damaged": QT_TRANSLATE_NOOP(
        "Errors", "A supervisor key stored in this vault is damaged; restore the vault from a backup."),
    "keys.supervisor_key_already_held": QT_TRANSLATE_NOOP(
        "Errors", "This vault already holds the supervisor key {fingerprint}; nothing was changed."),
    "keys.folder_missing": QT_TRANSLATE_NOOP(
        "Errors", "The folder {folder} does not exist; create it first."),
    "keys.file_exists": QT_TRANSLATE_NOOP(
        "Errors", "{path} already exists; choose a new file name (nothing was written)."),
    "keys.far_too_large_key": QT_TRANSLATE_NOOP(
        "Errors", "The {what} {path} is far too large to be a key file; check the path."),
    "keys.supervisor_key_file_needs": QT_TRANSLATE_NOOP(
        "Errors", "{path} is not a supervisor key file (it needs exactly one AGE-SECRET-KEY-1 "
        "line); pass the file made by 'keys supervisor-new'."),
    "keys.must_start_save_exactly": QT_TRANSLATE_NOOP(
        "Errors", "This is not a {what} (it must start with '{magic}'); save exactly what the "
        "other side printed."),
    "keys.damaged_ed_key_save": QT_TRANSLATE_NOOP(
        "Errors", "The {what} has a damaged ed25519 key; save it again."),
    "keys.lacks_age_recipient_ed": QT_TRANSLATE_NOOP(
        "Errors", "The {what} lacks its age-recipient or ed25519 line; save it again."),
    "keys.s_fingerprint_match_keys": QT_TRANSLATE_NOOP(
        "Errors", "The {what}'s fingerprint does not match its keys; it was altered."),
    "keys.lacks_valid_device_id": QT_TRANSLATE_NOOP(
        "Errors", "The {what} lacks a valid device-id or ed25519 line; save it again."),
    "keys.s_fingerprint_match_key": QT_TRANSLATE_NOOP(
        "Errors", "The {what}'s fingerprint does not match its key; it was altered."),
    "keys.too_large_check_path": QT_TRANSLATE_NOOP(
        "Errors", "The {what} {name} is too large; check the path."),
    "keys.recipient_pinned_supervisor_vault": QT_TRANSLATE_NOOP(
        "Errors", "The recipient {fingerprint} is not a pinned supervisor in this vault; pin it "
        "first with 'testimony keys trust-supervisor FILE'."),
    "keys.read_check_path": QT_TRANSLATE_NOOP(
        "Errors", "Cannot read the {what} {path} ({strerror}); check the path."),
    "keys.text_key_file_check": QT_TRANSLATE_NOOP(
        "Errors", "The {what} {path} is not a text key file; check the path."),
    "keys.key_valid_age_identity": QT_TRANSLATE_NOOP(
        "Errors", "The key in {path} is not a valid age identity; check the file."),
    "keys.line_without_name_value": QT_TRANSLATE_NOOP(
        "Errors", "The {what} has a line without 'name: value'; save it again."),
    "keys.names_twice_save_again": QT_TRANSLATE_NOOP(
        "Errors", "The {what} names '{key}' twice; save it again."),
    "keys.damaged_age_recipient_line": QT_TRANSLATE_NOOP(
        "Errors", "The {what} has a damaged age-recipient line; save it again."),
    "keys.read_check_path_2": QT_TRANSLATE_NOOP(
        "Errors", "Cannot read the {what} {name} ({strerror}); check the path."),
    "keys.s_minisign_line_match": QT_TRANSLATE_NOOP(
        "Errors", "The {what}'s minisign line does not match its key; it was altered."),
    "keys.supervisor_age_key_but": QT_TRANSLATE_NOOP(
        "Errors", "A supervisor with this age key but a different signing key is already "
        "pinned; remove the old one or check the file."),
    "keys.device_id_already_pinned": QT_TRANSLATE_NOOP(
        "Errors", "This device id is already pinned with a different key; confirm the "
        "fingerprint with the interviewer before changing it."),
    "keys.device_already_pinned_different": QT_TRANSLATE_NOOP(
        "Errors", "This device is already pinned with a different receipt key (age-recipient); "
        "check the file with the interviewer."),
    "keys.what_identity_file": QT_TRANSLATE_NOOP("Errors", "identity key file"),
    "keys.what_supervisor_public_file": QT_TRANSLATE_NOOP("Errors", "supervisor public key file"),
    "keys.what_device_public_file": QT_TRANSLATE_NOOP("Errors", "device public key file"),
    "keys.what_recipient_file": QT_TRANSLATE_NOOP("Errors", "recipient key file"),
    "keys.what_supervisor_public": QT_TRANSLATE_NOOP("Errors", "supervisor public key"),
    "keys.what_device_public": QT_TRANSLATE_NOOP("Errors", "device public key"),
    # receipt
    "receipt.refused": QT_TRANSLATE_NOOP(
        "Errors", "The receipt was refused: {reason}; nothing was marked for purging."),
    "receipt.signed_supervisor_pinned_vault": QT_TRANSLATE_NOOP(
        "Errors", "it was not signed by a supervisor pinned in this vault (or it was altered)"),
    "receipt.already_exists_choose_new": QT_TRANSLATE_NOOP(
        "Errors", "{out} already exists; choose a new file name for the receipt."),
    "receipt.folder_exist_choose_another": QT_TRANSLATE_NOOP(
        "Errors", "The folder {parent} does not exist; choose another for the receipt."),
    "receipt.far_too_large": QT_TRANSLATE_NOOP("Errors", "it is far too large"),
    "receipt.old_plain_text_receipt": QT_TRANSLATE_NOOP(
        "Errors", "it is an old plain-text receipt, which is no longer accepted because it "
        "exposed names on the stick; delete it and ask the supervisor to import the same bundle "
        "again and make a receipt (this changes nothing there) to get an encrypted one"),
    "receipt.testimony_vault_receipt": QT_TRANSLATE_NOOP(
        "Errors", "it is not a Testimony Vault receipt"),
    "receipt.damaged": QT_TRANSLATE_NOOP("Errors", "it is damaged"),
    "receipt.acknowledges_bundle_laptop_did": QT_TRANSLATE_NOOP(
        "Errors", "it acknowledges a bundle this laptop did not export"),
    "receipt.acknowledges_share_bundle_which": QT_TRANSLATE_NOOP(
        "Errors", "it acknowledges a 'share' bundle, which leaves out audio and details, so "
        "nothing can be purged on its strength"),
    "receipt.lists_interview_bundle": QT_TRANSLATE_NOOP(
        "Errors", "it lists an interview that was not in that bundle"),
    "receipt.laptop_decrypt_made_another": QT_TRANSLATE_NOOP(
        "Errors", "this laptop cannot decrypt it: it was made for another laptop, or it was "
        "damaged or altered"),
    "receipt.unreadable_file": QT_TRANSLATE_NOOP(
        "Errors", "Cannot read the receipt {name}; check the file."),
    # redaction
    "redaction.character_range_inside_segment": QT_TRANSLATE_NOOP(
        "Errors", "The character range {char_start}:{char_end} is not inside the segment (it "
        "has {count} characters); give A:B with A < B."),
    "redaction.give_reason_redaction_example": QT_TRANSLATE_NOOP(
        "Errors", "Give a reason for the redaction (for example 'names a relative')."),
    # coding
    "coding.term_not_under_branch": QT_TRANSLATE_NOOP(
        "Errors", "The {field} must be a term under '{branch}', but '{text}' is {id}; see "
        "'testimony taxonomy show'."),
    "coding.field_act": QT_TRANSLATE_NOOP("Errors", "act"),
    "coding.field_perpetrator": QT_TRANSLATE_NOOP("Errors", "perpetrator"),
    "coding.field_tag": QT_TRANSLATE_NOOP("Errors", "tag"),
    "coding.field_facility": QT_TRANSLATE_NOOP("Errors", "facility"),
    "coding.field_agency": QT_TRANSLATE_NOOP("Errors", "agency"),
    "coding.field_violation": QT_TRANSLATE_NOOP("Errors", "violation"),
    # event
    "event.witness_s_relation_must": QT_TRANSLATE_NOOP(
        "Errors", "The witness's relation must be one of: {choices}."),
    "event.involvement_must_one": QT_TRANSLATE_NOOP(
        "Errors", "Involvement must be one of: {choices}."),
    "event.place_precision_must_one": QT_TRANSLATE_NOOP(
        "Errors", "Place precision must be one of: {choices}."),
    "event.involvement_describes_perpetrator_give": QT_TRANSLATE_NOOP(
        "Errors", "An involvement describes a perpetrator; name the perpetrator too."),
    "event.victim_must_witness_pseudonym": QT_TRANSLATE_NOOP(
        "Errors", "The victim must be 'witness' or a pseudonym such as 'V2 (brother)'."),
    "event.tag_tag_interview_see": QT_TRANSLATE_NOOP(
        "Errors", "Tag {tag_id} is not a tag of this interview; see 'testimony tag list'."),
    # search
    "search.report_section_must_be_one": QT_TRANSLATE_NOOP(
        "Errors", "The report section must be one of: {choices}."),
    "search.give_something_search_example": QT_TRANSLATE_NOOP(
        "Errors", "Give something to search for, for example: testimony search 요덕"),
    "search.review_status_must_one": QT_TRANSLATE_NOOP(
        "Errors", "Review status must be one of: {choices}."),
    "search.layer_must_one": QT_TRANSLATE_NOOP("Errors", "The layer must be one of: {choices}."),
    "search.consent_scope_must_one": QT_TRANSLATE_NOOP(
        "Errors", "Consent scope must be one of: {choices}."),
    "search.limit_must_least": QT_TRANSLATE_NOOP("Errors", "The limit must be at least 1."),
    "search.date_range_ends_before": QT_TRANSLATE_NOOP(
        "Errors", "The date range ends before it starts; check its start and end."),
    # tag
    "tag.layer_must_one": QT_TRANSLATE_NOOP("Errors", "The layer must be one of: {choices}."),
    "tag.interview_segment_list_transcript": QT_TRANSLATE_NOOP(
        "Errors", "This interview has no {layer} segment {idx}; list the transcript to see the "
        "segment numbers."),
    "tag.segment_exists_recordings_interview": QT_TRANSLATE_NOOP(
        "Errors", "Segment {idx} exists in {count} recordings of this interview; say which "
        "recording."),
    "tag.moment_audio_seconds_start": QT_TRANSLATE_NOOP(
        "Errors", "A moment in the audio is SECONDS or START:END with 0 <= START < END, for "
        "example 754.5:790."),
    "tag.audio_lasts_s_s": QT_TRANSLATE_NOOP(
        "Errors", "The audio lasts {duration:.1f} s, so {last:g} s is past its end; check the "
        "time."),
    "tag.confidence_must_one": QT_TRANSLATE_NOOP("Errors", "Confidence must be one of: {choices}."),
    "tag.anchor_tag_either_words": QT_TRANSLATE_NOOP(
        "Errors", "Anchor a tag either in the words or in the audio, not both."),
    "tag.give_segment_number_id": QT_TRANSLATE_NOOP(
        "Errors", "Give the segment by number or by id, not both."),
    "tag.chars_needs_segment_n": QT_TRANSLATE_NOOP(
        "Errors", "A character range needs a segment number to say which segment the characters "
        "are in."),
    "tag.tag_vault_see_testimony": QT_TRANSLATE_NOOP(
        "Errors", "No tag {tag_id} in this vault; see 'testimony tag list'."),
    "tag.interview_audio_see_audio": QT_TRANSLATE_NOOP(
        "Errors", "This interview has no audio {asset_id}; see its audio list."),
    "tag.characters_inside_segment_which": QT_TRANSLATE_NOOP(
        "Errors", "Characters {char_start}:{char_end} are not inside segment {value}, which has "
        "{count} characters; use A:B with 0 <= A < B <= {count}."),
    "tag.tag_anchored_segment_chars": QT_TRANSLATE_NOOP(
        "Errors", "This tag is not anchored in a segment, so a character range does not apply."),
    "tag.characters_inside_segment_which_2": QT_TRANSLATE_NOOP(
        "Errors", "Characters {value}:{value2} are not inside the segment, which has {count} "
        "characters."),
    "tag.interview_segment": QT_TRANSLATE_NOOP(
        "Errors", "This interview has no segment {segment_id}."),
    # taxonomy
    "taxonomy.file_refused": QT_TRANSLATE_NOOP(
        "Errors", "Taxonomy file refused, line {line}: {problem}; nothing was changed, fix the "
        "file and import it again."),
    "taxonomy.names_terms_use_one": QT_TRANSLATE_NOOP(
        "Errors", "'{text}' names {count} terms ({ids}); use one of these ids."),
    "taxonomy.must_list_non_empty": QT_TRANSLATE_NOOP(
        "Errors", "'{key}' must be a list of non-empty strings"),
    "taxonomy.first_line_must_header": QT_TRANSLATE_NOOP(
        "Errors", 'the first line must be the header object {{"format": "{format}", '
        '"format_version": 1, "name": ..., "version": ...}}'),
    "taxonomy.header_s_format_must": QT_TRANSLATE_NOOP(
        "Errors", 'the header\'s \'format\' must be "{format}"'),
    "taxonomy.format_version_supported_version": QT_TRANSLATE_NOOP(
        "Errors", "format_version {format_version!r} is not supported (this version of "
        "Testimony Vault reads {format_version2})"),
    "taxonomy.unknown_header_field": QT_TRANSLATE_NOOP("Errors", "unknown header field '{value}'"),
    "taxonomy.header_needs_name_letters": QT_TRANSLATE_NOOP(
        "Errors", "the header needs a 'name' of letters, digits, '.', '_' or '-'"),
    "taxonomy.header_needs_version_such": QT_TRANSLATE_NOOP(
        "Errors", 'the header needs a \'version\' such as "2026.1" (letters, digits, \'.\', '
        "'_' or '-')"),
    "taxonomy.description_must_string": QT_TRANSLATE_NOOP(
        "Errors", "'description' must be a string"),
    "taxonomy.each_line_after_header": QT_TRANSLATE_NOOP(
        "Errors", "each line after the header must be one JSON object (a term)"),
    "taxonomy.unknown_field_allowed": QT_TRANSLATE_NOOP(
        "Errors", "unknown field '{value}' (allowed: {choices})"),
    "taxonomy.term_id": QT_TRANSLATE_NOOP("Errors", "the term has no 'id'"),
    "taxonomy.id_must_lower_case": QT_TRANSLATE_NOOP(
        "Errors", "'id' must be lower-case letters, digits, '.', '_' or '-' (for example "
        "detention.kwanliso.15)"),
    "taxonomy.parent_must_term_id": QT_TRANSLATE_NOOP(
        "Errors", "the 'parent' of {term_id} must be a term id or null"),
    "taxonomy.term_label_object_en": QT_TRANSLATE_NOOP(
        "Errors", "term {term_id} has no 'label' object with 'en' and 'ko'"),
    "taxonomy.term_label_unsupported_language": QT_TRANSLATE_NOOP(
        "Errors", "term {term_id} has a label in an unsupported language '{value}'"),
    "taxonomy.description_must_string_2": QT_TRANSLATE_NOOP(
        "Errors", "the 'description' of {term_id} must be a string"),
    "taxonomy.glossary_must_true_false": QT_TRANSLATE_NOOP(
        "Errors", "'glossary' of {term_id} must be true or false"),
    "taxonomy.file_larger_than_mib": QT_TRANSLATE_NOOP(
        "Errors", "the file is larger than {value} MiB"),
    "taxonomy.file_empty": QT_TRANSLATE_NOOP("Errors", "the file is empty"),
    "taxonomy.header_must_first_line": QT_TRANSLATE_NOOP(
        "Errors", "the header must be on the first line"),
    "taxonomy.file_header_but_terms": QT_TRANSLATE_NOOP(
        "Errors", "the file has a header but no terms"),
    "taxonomy.vault_taxonomy_version_see": QT_TRANSLATE_NOOP(
        "Errors", "This vault has no taxonomy version {version_id}; see 'testimony taxonomy "
        "versions'."),
    "taxonomy.import_mode_must_extend": QT_TRANSLATE_NOOP(
        "Errors", "The import mode must be 'extend' or 'replace'."),
    "taxonomy.version_taxonomy_already_vault": QT_TRANSLATE_NOOP(
        "Errors", "version {version} of taxonomy {name} is already in this vault with different "
        "content; give the file a new 'version'"),
    "taxonomy.term_taxonomy_see_testimony": QT_TRANSLATE_NOOP(
        "Errors", "No term '{text}' in taxonomy {version_id}; see 'testimony taxonomy show' for "
        "ids, labels and aliases."),
    "taxonomy.text_utf": QT_TRANSLATE_NOOP("Errors", "the text is not UTF-8"),
    "taxonomy.valid_json": QT_TRANSLATE_NOOP("Errors", "not valid JSON ({reason})"),
    "taxonomy.term_missing_label": QT_TRANSLATE_NOOP(
        "Errors", "term {term_id} is missing its '{lang}' label"),
    "taxonomy.id_already_defined_line": QT_TRANSLATE_NOOP(
        "Errors", "id {id} is already defined on line {value}"),
    "taxonomy.term_parent_which_defined": QT_TRANSLATE_NOOP(
        "Errors", "term {term_id} has parent {parent}, which is not defined in the file"),
    "taxonomy.term_parent_not_in_file_or_base": QT_TRANSLATE_NOOP(
        "Errors", "term {term_id} has parent {parent}, which is not defined in the file nor in "
        "the taxonomy it extends"),
    "taxonomy.read_taxonomy_file_check": QT_TRANSLATE_NOOP(
        "Errors", "Cannot read the taxonomy file {path} ({strerror}); check the path."),
    "taxonomy.parents_form_cycle": QT_TRANSLATE_NOOP(
        "Errors", "the parents of {term_id} form a cycle ({loop})"),
    # interview
    "interview.already_called": QT_TRANSLATE_NOOP(
        "Errors", "The interview is already called {code}; nothing was changed."),
    "interview.code_not_pseudonym": QT_TRANSLATE_NOOP(
        "Errors", "'{code}' is not a pseudonym code: use letters and digits joined by hyphens, without spaces, such as {example}; nothing was saved."),
    "interview.code_breaks_default": QT_TRANSLATE_NOOP(
        "Errors", "'{code}' is not a code of the form ORG-YYYY-NNN (2 to 6 capital letters, the year and a 3- or 4-digit number, such as {example}); nothing was saved."),
    "interview.code_breaks_pattern": QT_TRANSLATE_NOOP(
        "Errors", "'{code}' does not follow this organisation's code pattern {template} (for example {example}); nothing was saved."),
    "interview.code_looks_like_name": QT_TRANSLATE_NOOP(
        "Errors", "'{code}' looks like a person's name; use a pseudonym code such as {example}, never the witness's name (nothing was saved)."),
    "interview.code_pattern_invalid": QT_TRANSLATE_NOOP(
        "Errors", "A code pattern is capital letters, digits and hyphens with # for any digit and @ for any capital letter, for example NK-####-### (or 'general' for any letters and digits joined by hyphens); it was not changed."),
    "interview.unknown_consent_scope_use": QT_TRANSLATE_NOOP(
        "Errors", "Unknown consent scope '{value}'; use one of: {choices}."),
    "interview.code_empty": QT_TRANSLATE_NOOP("Errors", "An interview needs a pseudonym code."),
    "interview.consent_given": QT_TRANSLATE_NOOP("Errors", "Consent can be given as: {choices}."),
    "interview.interview_code_already_exists": QT_TRANSLATE_NOOP(
        "Errors", "An interview with code {code} already exists; choose another code."),
    "interview.interview_vault_see_testimony": QT_TRANSLATE_NOOP(
        "Errors", "No interview {interview_id} in this vault; see 'testimony interview list'."),
    "interview.interview_vault_see_testimony_2": QT_TRANSLATE_NOOP(
        "Errors", "No interview {id_or_code} in this vault; see 'testimony interview list'."),
    "interview.edited": QT_TRANSLATE_NOOP("Errors", "'{value}' cannot be edited."),
    "interview.status_must_one": QT_TRANSLATE_NOOP("Errors", "Status must be one of: {choices}."),
    # playback
    "playback.recording_longer_vault_refresh": QT_TRANSLATE_NOOP(
        "Errors", "That recording is no longer in the vault; refresh the interview."),
    "playback.recording_could_decoded_listening": QT_TRANSLATE_NOOP(
        "Errors", "This recording could not be decoded for listening; the stored original is "
        "unchanged — export it and check it with another player."),
    "playback.there_audio_loaded_play": QT_TRANSLATE_NOOP(
        "Errors", "There is no audio loaded to play; open a recording first."),
    "playback.audio_output_found_connect": QT_TRANSLATE_NOOP(
        "Errors", "No audio output was found; connect headphones or speakers and try again."),
    # recording
    "recording.interview_vault_see_testimony": QT_TRANSLATE_NOOP(
        "Errors", "No interview {interview} in this vault; see 'testimony interview list'."),
    "recording.recording_ended_add_markers": QT_TRANSLATE_NOOP(
        "Errors", "The recording has ended; add markers with 'testimony audio marker' instead."),
    "recording.disk_full": QT_TRANSLATE_NOOP(
        "Errors", "The disk is full, so the recording was stopped; everything up to the last "
        "second was kept — free some space before recording again."),
    "recording.device_lost": QT_TRANSLATE_NOOP(
        "Errors", "The microphone stopped delivering sound (it was unplugged or disabled), so "
        "the recording was stopped; everything recorded until then was kept."),
    "recording.format_not_lossless": QT_TRANSLATE_NOOP(
        "Errors", "This microphone's sound format cannot be recorded losslessly; choose "
        "another microphone."),
    "recording.could_not_start": QT_TRANSLATE_NOOP(
        "Errors", "The recording could not start because of an unexpected error; nothing was "
        "lost — try again, or choose another microphone."),
    "recording.microphone_not_opened": QT_TRANSLATE_NOOP(
        "Errors", "The microphone could not be opened; check it is connected and not used by "
        "another program."),
    # speaker
    "speaker.interview_transcript_yet_run": QT_TRANSLATE_NOOP(
        "Errors", "This interview has no transcript yet; run 'testimony transcribe' first."),
    "speaker.channel_based_labels_need": QT_TRANSLATE_NOOP(
        "Errors", "Channel-based labels need a two-channel recording with the interviewer on "
        "one channel; set labels by hand instead."),
    # suggestion
    "suggestion.segment_suggestion_now_text": QT_TRANSLATE_NOOP(
        "Errors", "Segment {number} has no suggestion '{suggestion_id}' now (its text or the "
        "vocabulary changed since it was listed, or it was already accepted); nothing was "
        "changed, list the current ones with 'testimony transcript suggestions'."),
    # transcribe
    "transcribe.language_must_one": QT_TRANSLATE_NOOP(
        "Errors", "The language must be one of: {choices}."),
    "transcribe.model_understands_english_only": QT_TRANSLATE_NOOP(
        "Errors", "The model '{chosen}' understands English only; use the multilingual model "
        "{default_model} for {value}."),
    "transcribe.english_only_model_cannot_translate": QT_TRANSLATE_NOOP(
        "Errors", "The model '{chosen}' understands English only; use the multilingual model "
        "{default_model} for translation."),
    "transcribe.recording_interview_still_being": QT_TRANSLATE_NOOP(
        "Errors", "A recording of this interview is still being written; stop the recording "
        "first, then transcribe."),
    "transcribe.recording_already_being_transcribed": QT_TRANSLATE_NOOP(
        "Errors", "This recording is already being transcribed by another window or command; "
        "wait for that to finish."),
    "transcribe.recording_transcribed_model_continue": QT_TRANSLATE_NOOP(
        "Errors", "This recording was transcribed with the model '{model}'; continue with that "
        "model."),
    "transcribe.cancelled": QT_TRANSLATE_NOOP(
        "Errors", "Transcription was cancelled; what was done is kept, and running the same "
        "command again continues from where it stopped."),
    "transcribe.no_audio": QT_TRANSLATE_NOOP(
        "Errors", "This interview has no audio to transcribe; record or import audio first."),
    "transcribe.no_such_recording": QT_TRANSLATE_NOOP(
        "Errors", "There is no recording {asset_id} in this interview; see 'testimony interview "
        "show'."),
    # transcript
    "transcript.replace_leaves_empty": QT_TRANSLATE_NOOP(
        "Errors", "Replacing would leave segment {number} empty; nothing was changed."),
    "transcript.nothing_to_find": QT_TRANSLATE_NOOP(
        "Errors", "There is nothing to find; type the words to replace."),
    "transcript.needs_review_mark_confidence": QT_TRANSLATE_NOOP(
        "Errors", "Marking segments for review or by confidence works with the txt format only; "
        "the json format already carries every word's probability."),
    "transcript.interview_transcript_yet_run": QT_TRANSLATE_NOOP(
        "Errors", "This interview has no {layer} transcript yet; run 'testimony transcribe "
        "{code}' first."),
    "transcript.no_translation_yet": QT_TRANSLATE_NOOP(
        "Errors", "This interview has no translation transcript yet; run 'testimony transcribe "
        "{code}' with translation first."),
    "transcript.there_segment_layer_interview": QT_TRANSLATE_NOOP(
        "Errors", "There is no segment {ref} in the {layer} layer of this interview; use a "
        "number shown by 'testimony transcript show'."),
    "transcript.layer_must_one": QT_TRANSLATE_NOOP(
        "Errors", "The layer must be one of: {choices}."),
    "transcript.segment_belongs_part_recording": QT_TRANSLATE_NOOP(
        "Errors", "This segment belongs to a part of the recording whose transcription is "
        "unfinished; finish it with 'testimony transcribe' first, then edit."),
    "transcript.new_text_empty_give": QT_TRANSLATE_NOOP(
        "Errors", "The new text is empty; give the corrected text."),
    "transcript.new_text_same_current": QT_TRANSLATE_NOOP(
        "Errors", "The new text is the same as the current text; nothing was changed."),
    "transcript.review_status_must_one": QT_TRANSLATE_NOOP(
        "Errors", "The review status must be one of: {choices}."),
    "transcript.speaker_label_must_characters": QT_TRANSLATE_NOOP(
        "Errors", "A speaker label must be 1-{max_label} characters, e.g. interviewer, witness, "
        "interpreter, or another participant's pseudonym."),
    "transcript.interview_transcript_yet_run_2": QT_TRANSLATE_NOOP(
        "Errors", "This interview has no transcript yet; run 'testimony transcribe' first."),
    # revision reasons (not errors): the reasons the program writes into a segment revision
    # (app.transcripts.reasons), stored in English and shown through these in the window.
    # Each English template filled in is the stored text itself.
    "revision_reason.find_and_replace": QT_TRANSLATE_NOOP("Errors", "find and replace"),
    "revision_reason.undo": QT_TRANSLATE_NOOP("Errors", "undo"),
    "revision_reason.restored": QT_TRANSLATE_NOOP("Errors", "restored revision {rev}"),
    "revision_reason.term_suggestion": QT_TRANSLATE_NOOP(
        "Errors", "term suggestion: {heard} -> {name} (taxonomy {terms}, vocabulary version "
        "{version})"),
    "revision_reason.either": QT_TRANSLATE_NOOP("Errors", "{first} or {rest}"),
    # capture
    "capture.single_microphone_matches_available": QT_TRANSLATE_NOOP(
        "Errors", "No single microphone matches '{name}'; available inputs: {names}."),
    "capture.microphone_found_connect_one": QT_TRANSLATE_NOOP(
        "Errors", "No microphone was found; connect one (or enable it) and try again."),
    "capture.recording_started_yet_wait": QT_TRANSLATE_NOOP(
        "Errors", "The recording has not started yet; wait a moment and try again."),
    # audit
    "audit.audit_log_shorter_than": QT_TRANSLATE_NOOP(
        "Errors", "The audit log is shorter than its recorded head, so entries were removed; "
        "report this to your supervisor."),
    "audit.audit_log_entry_missing": QT_TRANSLATE_NOOP(
        "Errors", "Audit log entry {expected_seq} is missing or out of order; the vault's "
        "history was tampered with, so report this to your supervisor."),
    "audit.audit_log_entry_follow": QT_TRANSLATE_NOOP(
        "Errors", "Audit log entry {seq} does not follow the one before it; the history was "
        "reordered or edited, so report this to your supervisor."),
    "audit.audit_log_entry_changed": QT_TRANSLATE_NOOP(
        "Errors", "Audit log entry {seq} was changed after it was written; report this to your "
        "supervisor."),
    # blob
    "blob.recording_file_already_closed": QT_TRANSLATE_NOOP(
        "Errors", "This recording or file has already been closed."),
    "blob.stored_file_exist_vault": QT_TRANSLATE_NOOP(
        "Errors", "That stored file does not exist in this vault."),
    "blob.disk_full_writing_stopped": QT_TRANSLATE_NOOP(
        "Errors", "The disk is full, so writing stopped; everything up to the last second was "
        "kept — free some space before continuing."),
    # db
    "db.vault_database_missing_restore": QT_TRANSLATE_NOOP(
        "Errors", "The vault database is missing; restore the vault folder from a backup."),
    "db.vault_database_encrypted_genuine": QT_TRANSLATE_NOOP(
        "Errors", "The vault database is not encrypted, so it is not a genuine vault file; do "
        "not use it."),
    "db.vault_database_written_unencrypted": QT_TRANSLATE_NOOP(
        "Errors", "The vault database was written unencrypted; stop and report this bug."),
    "db.build_sqlcipher_encryption_reinstall": QT_TRANSLATE_NOOP(
        "Errors", "This build has no SQLCipher encryption; reinstall Testimony Vault."),
    "db.vault_key_open_database": QT_TRANSLATE_NOOP(
        "Errors", "The vault key does not open the database; the vault may be damaged or "
        "replaced."),
    # header
    "header.vault_header_far_too": QT_TRANSLATE_NOOP(
        "Errors", "The vault header is far too large to be genuine; restore it from a backup."),
    "header.vault_header_damaged_testimony": QT_TRANSLATE_NOOP(
        "Errors", "The vault header is damaged or not a Testimony Vault header; restore the "
        "folder from a backup or ask your supervisor."),
    # schema
    "schema.vault_written_newer_testimony": QT_TRANSLATE_NOOP(
        "Errors", "This vault was written by a newer Testimony Vault (schema {version}); "
        "install the newer version to open it."),
    # vault
    "vault.busy": QT_TRANSLATE_NOOP(
        "Errors", "Another program or supervisor was writing to this vault for too long; "
        "try again when it has finished (nothing was changed)."),
    "vault.passphrase_too_short": QT_TRANSLATE_NOOP(
        "Errors", "The passphrase is too short; use at least {min_length} characters (a "
        "sentence is best)."),
    "vault.vault_header_asks_more": QT_TRANSLATE_NOOP(
        "Errors", "The vault header asks for more costly key derivation than this app ever "
        "sets, so it was probably tampered with; it was not opened."),
    "vault.vault_s_current_passphrase": QT_TRANSLATE_NOOP(
        "Errors", "That is not the vault's current passphrase; nothing was changed, try again."),
    "vault.vault_found_nothing_erased": QT_TRANSLATE_NOOP(
        "Errors", "No vault was found at {path}; nothing was erased."),
    "vault.vault_header_asks_weaker": QT_TRANSLATE_NOOP(
        "Errors", "The vault header asks for weaker key derivation than allowed, so it was "
        "probably tampered with; it was not opened."),
    "vault.there_already_vault_choose": QT_TRANSLATE_NOOP(
        "Errors", "There is already a vault at {path}; choose another folder."),
    "vault.folder_empty_choose_empty": QT_TRANSLATE_NOOP(
        "Errors", "The folder {path} is not empty; choose an empty or new folder."),
    "vault.empty_passphrase_allowed_choose": QT_TRANSLATE_NOOP(
        "Errors", "An empty passphrase is not allowed; choose a long passphrase."),
    "vault.vault_recovery_key_unlock": QT_TRANSLATE_NOOP(
        "Errors", "This vault has no recovery key; unlock it with its passphrase."),
    "vault.not_found": QT_TRANSLATE_NOOP(
        "Errors", "No vault was found at {path}; create one with 'testimony init'."),
    "vault.locked": QT_TRANSLATE_NOOP("Errors", "The vault is locked; unlock it first."),
    "vault.vault_opened_read_only": QT_TRANSLATE_NOOP(
        "Errors", "This vault was opened read-only; unlock it normally to rekey it."),
    "vault.vault_open_another_window": QT_TRANSLATE_NOOP(
        "Errors", "The vault is open in another window or program; close it and run the rekey "
        "again. Nothing was changed."),
    "vault.vault_device_key_damaged": QT_TRANSLATE_NOOP(
        "Errors", "The vault has no device key; it is damaged."),
    "vault.recovery_code_unlock_vault": QT_TRANSLATE_NOOP(
        "Errors", "That recovery code does not unlock this vault; check it against the printed "
        "copy."),
    "vault.vault_must_upgraded_before": QT_TRANSLATE_NOOP(
        "Errors", "This vault must be upgraded before it can be read without changes; unlock it "
        "once in Testimony Vault, then try again."),
    "vault.vault_database_belong_header": QT_TRANSLATE_NOOP(
        "Errors", "The vault database does not belong to this header; the folder was tampered "
        "with or mixed up."),
    "vault.re_encrypted_copy_vault": QT_TRANSLATE_NOOP(
        "Errors", "The re-encrypted copy of the vault did not check out; nothing was changed, "
        "and the vault still opens as before."),
    "vault.wrong_passphrase": QT_TRANSLATE_NOOP(
        "Errors", "The passphrase is wrong (or the vault header was altered); nothing was "
        "changed — check the passphrase and try again."),
    # engine
    "engine.model_could_loaded_check": QT_TRANSLATE_NOOP(
        "Errors", "The model '{name}' could not be loaded ({error}); check free memory or "
        "import the model again."),
    "engine.cancelled": QT_TRANSLATE_NOOP("Errors", "Cancelled."),
    "engine.speech_engine_stopped_unexpectedly": QT_TRANSLATE_NOOP(
        "Errors", "The speech engine stopped unexpectedly ({how}); what was transcribed is kept "
        "— transcribe again to continue."),
    "engine.speech_engine_could_started": QT_TRANSLATE_NOOP(
        "Errors", "The speech engine could not be started ({error}); reinstall Testimony Vault."),
    "engine.out_of_memory": QT_TRANSLATE_NOOP(
        "Errors", "The speech engine ran out of memory; close other programs or use a smaller "
        "model, then transcribe again to continue."),
    "engine.failed": QT_TRANSLATE_NOOP(
        "Errors", "The speech engine failed ({error}); transcribe again to continue, and "
        "reinstall Testimony Vault if it happens again."),
    "engine.failed_plain": QT_TRANSLATE_NOOP(
        "Errors", "The speech engine failed; transcribe again."),
    "engine.stopped_by_signal": QT_TRANSLATE_NOOP("Errors", "it was stopped by {signal}"),
    "engine.exited_with_status": QT_TRANSLATE_NOOP("Errors", "it exited with status {status}"),
    "engine.pipe_closed": QT_TRANSLATE_NOOP("Errors", "its pipe closed"),
    # model
    "model.model_match_recorded_checksums": QT_TRANSLATE_NOOP(
        "Errors", "The model '{name}' does not match its recorded checksums (altered or "
        "damaged), so it was not used; reinstall it or import a good copy."),
    "model.there_model_named_choose": QT_TRANSLATE_NOOP(
        "Errors", "There is no model named '{name}'; choose one of: {names}."),
    "model.old_model_registry_registry": QT_TRANSLATE_NOOP(
        "Errors", "The old model registry {path} is not a registry; remove it and import the "
        "models again."),
    "model.model_imported_but_models": QT_TRANSLATE_NOOP(
        "Errors", "The model '{name}' is imported but the models folder is unknown."),
    "model.model_s_model_bin": QT_TRANSLATE_NOOP(
        "Errors", "The model's model.bin is truncated or not a CTranslate2 model; copy the "
        "folder again."),
    "model.folder_give_folder_holds": QT_TRANSLATE_NOOP(
        "Errors", "{folder} is not a folder; give the folder that holds model.bin."),
    "model.model_folder_s_symbolic": QT_TRANSLATE_NOOP(
        "Errors", "The model folder's {value} is a symbolic link, which is not imported; copy "
        "the real files onto the stick."),
    "model.model_folder_incomplete_missing": QT_TRANSLATE_NOOP(
        "Errors", "The model folder is incomplete (missing {choices}); copy the whole "
        "CTranslate2 Whisper folder again."),
    "model.model_s_config_json": QT_TRANSLATE_NOOP(
        "Errors", "The model's config.json is not a CTranslate2 Whisper configuration; convert "
        "the model with ct2-transformers-converter first."),
    "model.model_s_config_json_2": QT_TRANSLATE_NOOP(
        "Errors", "The model's config.json has no valid language list; copy the folder again."),
    "model.model_s_vocabulary_whisper": QT_TRANSLATE_NOOP(
        "Errors", "The model's vocabulary is not a Whisper vocabulary; copy it again."),
    "model.model_s_vocabulary_tokens": QT_TRANSLATE_NOOP(
        "Errors", "The model's vocabulary ({size} tokens) does not fit its config.json ({count} "
        "languages); the files come from different models, copy the folder again."),
    "model.model_s_model_bin_2": QT_TRANSLATE_NOOP(
        "Errors", "The model's model.bin is truncated; copy the folder again."),
    "model.model_s_vocabulary_tokens_2": QT_TRANSLATE_NOOP(
        "Errors", "The model's vocabulary ({size} tokens) does not fit its model.bin "
        "({vocabulary_size}); the files come from different models, copy the folder again."),
    "model.config_json_s_alignment": QT_TRANSLATE_NOOP(
        "Errors", "The config.json's alignment heads belong to another Whisper size than "
        "model.bin ({decoder_layers} decoder layers, {decoder_heads} heads); copy the folder "
        "again."),
    "model.usable_model_name_use": QT_TRANSLATE_NOOP(
        "Errors", "'{name}' is not a usable model name; use letters, digits, '.', '-' or '_'."),
    "model.model_named_already_exists": QT_TRANSLATE_NOOP(
        "Errors", "A model named '{name}' already exists; choose another name."),
    "model.model_package_installed_reinstall": QT_TRANSLATE_NOOP(
        "Errors", "The model package {package} is not installed; reinstall Testimony Vault."),
    "model.old_model_registry_unreadable": QT_TRANSLATE_NOOP(
        "Errors", "The old model registry {path} is unreadable; remove it and import the models "
        "again."),
    "model.model_bin_holds_model": QT_TRANSLATE_NOOP(
        "Errors", "The model.bin holds a {value} model, not Whisper; copy the right folder."),
    "model.model_s_preprocessor_config": QT_TRANSLATE_NOOP(
        "Errors", "The model's preprocessor_config.json is not valid; copy the folder again."),
    "model.model_s_valid_json": QT_TRANSLATE_NOOP(
        "Errors", "The model's {name} is not valid JSON; copy the folder again."),
    "model.model_s_vocabulary_file": QT_TRANSLATE_NOOP(
        "Errors", "The model's vocabulary file is unreadable; copy it again."),
    "model.model_folder_s_sha": QT_TRANSLATE_NOOP(
        "Errors", "The model folder's SHA256SUMS is unreadable; copy it again."),
    "model.model_file_could_read": QT_TRANSLATE_NOOP(
        "Errors", "The model file {name} could not be read ({strerror}); copy the folder again."),
    "model.folder_s_model_bin": QT_TRANSLATE_NOOP(
        "Errors", "The folder's model.bin could not be loaded as a CTranslate2 Whisper model; "
        "it is damaged or of another kind, and was not imported."),
    "model.model_s_vocabulary_fit": QT_TRANSLATE_NOOP(
        "Errors", "The model's vocabulary does not fit its model.bin; the files come from "
        "different models, copy the folder again."),
    "model.model_bin_mel_bins": QT_TRANSLATE_NOOP(
        "Errors", "The model.bin ({n_mels} mel bins) and its config.json ({language_ids} "
        "languages) come from different Whisper sizes; copy the folder again."),
    "model.model_s_preprocessor_config_2": QT_TRANSLATE_NOOP(
        "Errors", "The model's preprocessor_config.json says {declared} mel bins but model.bin "
        "has {n_mels}; copy the folder again."),
    "model.model_file_match_folder": QT_TRANSLATE_NOOP(
        "Errors", "The model file {fname} does not match the folder's SHA256SUMS (altered or "
        "damaged); it was not imported."),
    "model.copying_gave_different_bytes": QT_TRANSLATE_NOOP(
        "Errors", "Copying {fname} gave different bytes (failing disk or stick); the model was "
        "not imported."),
    # date
    "date.empty": QT_TRANSLATE_NOOP("Errors", "it is empty"),
    "date.unreadable": QT_TRANSLATE_NOOP("Errors", "Cannot read the date '{text}'; {help}."),
    "date.unreadable_because": QT_TRANSLATE_NOOP(
        "Errors", "Cannot read the date '{text}' ({why}); {help}."),
    "date.help": QT_TRANSLATE_NOOP(
        "Errors", "write a date as 1997-03-14, 1997-03, 1997-summer, 1997, 1990s, 1995..1997, "
        "before 1997, after 1997 or about 1997 (or 'unknown')"),
    # decode
    "decode.audio_unreadable": QT_TRANSLATE_NOOP(
        "Errors", "The stored audio could not be decoded ({why}); transcription stopped — check "
        "the file with 'testimony audio export' or import the audio again."),
    "conflicts.reassign_same_owner": QT_TRANSLATE_NOOP(
        "Errors", "Interview {code} already belongs to device {device_id}; nothing was changed."),
    "conflicts.reassign_device_not_pinned": QT_TRANSLATE_NOOP(
        "Errors", "Device {device_id} is not pinned in this vault; pin its key, obtained in person, first. Nothing was changed."),
    "conflicts.reassign_no_owner": QT_TRANSLATE_NOOP(
        "Errors", "Interview {code} was created in this vault and belongs to no device, so it has no owner to change; nothing was changed."),
    "conflicts.reassign_no_interview": QT_TRANSLATE_NOOP(
        "Errors", "There is no interview {interview} in this vault; nothing was changed."),
    "conflicts.reassign_reason_needed": QT_TRANSLATE_NOOP(
        "Errors", "Give the reason for moving the interview to another device (how you checked which laptop recorded it); nothing was changed."),
    "connect.same_interview_twice": QT_TRANSLATE_NOOP(
        "Errors", "'{a}' and '{b}' are the same interview; name two different interviews."),
    "connect.only_supervisor_decides": QT_TRANSLATE_NOOP(
        "Errors", "Only a supervisor decides whether two interviews are the same witness."),
    "connect.decision_must_be_one": QT_TRANSLATE_NOOP(
        "Errors", "The decision must be one of: {choices}."),
    "connect.no_such_link": QT_TRANSLATE_NOOP(
        "Errors", "No link {link} in this vault; see 'testimony link list'."),
    "connect.tag_not_of_interview": QT_TRANSLATE_NOOP(
        "Errors", "Tag {tag} is not a tag of this interview; see 'testimony tag list'."),
    "connect.link_needs_tags": QT_TRANSLATE_NOOP(
        "Errors", "Give the tags that support the link (see 'testimony tag list'); a link always points to the words that support it."),
    "connect.relation_wrong_kinds": QT_TRANSLATE_NOOP(
        "Errors", "'{relation}' links a {froms} to a {tos}, but {src} is a {src_kind} and {dst} a {dst_kind}."),
    "connect.relation_must_be_one": QT_TRANSLATE_NOOP(
        "Errors", "The relation must be one of: {choices}."),
    "connect.limit_not_negative": QT_TRANSLATE_NOOP(
        "Errors", "The number of conflicts to list cannot be negative; give 0 or more."),
    "connect.period_filter": QT_TRANSLATE_NOOP(
        "Errors", "A period is a period entity (see 'testimony entity list') or dates such as 1997..1999, not '{period}'."),
    "connect.no_parent_branch": QT_TRANSLATE_NOOP(
        "Errors", "The taxonomy has no {branch}; name the parent term."),
    "connect.name_taken": QT_TRANSLATE_NOOP(
        "Errors", "'{name}' already names {id} in the taxonomy; use that entity, or choose another name."),
    "connect.entity_needs_names": QT_TRANSLATE_NOOP(
        "Errors", "An entity needs an English and a Korean name."),
    "connect.period_ends_before_start": QT_TRANSLATE_NOOP(
        "Errors", "The period ends before it starts; check the dates."),
    "connect.only_quota_imposed": QT_TRANSLATE_NOOP(
        "Errors", "Only a quota has an organisation that imposes it."),
    "connect.kind_needed": QT_TRANSLATE_NOOP(
        "Errors", "{id} is not under an entity branch of the taxonomy; give its kind ({choices})."),
    "connect.needs_a_date": QT_TRANSLATE_NOOP(
        "Errors", "This needs a date such as 2012, 2012-05 or 2012-05-01."),
    "connect.entity_wrong_kind": QT_TRANSLATE_NOOP(
        "Errors", "This must name a {kind}, but '{text}' is the {found} {id}; see 'testimony taxonomy show'."),
    "connect.not_an_entity": QT_TRANSLATE_NOOP(
        "Errors", "'{text}' is the term {id}, which is not an entity (one of: {kinds}); see 'testimony taxonomy show'."),
    "connect.kind_must_be_one": QT_TRANSLATE_NOOP(
        "Errors", "The kind must be one of: {choices}."),
    "connect.range_needs_dates": QT_TRANSLATE_NOOP(
        "Errors", "The date range needs dates such as 1998, 1998-05 or 1998-05-01."),
    "connect.one_subject": QT_TRANSLATE_NOOP(
        "Errors", "Name exactly one subject: a facility, a commodity, an enterprise or a link."),
    "connect.brief_folder_missing": QT_TRANSLATE_NOOP(
        "Errors", "The folder {folder} does not exist; create it or choose another file."),
    "connect.brief_target_exists": QT_TRANSLATE_NOOP(
        "Errors", "{path} already exists; choose another file (a brief never overwrites a file)."),
    "connect.format_unknown_from_name": QT_TRANSLATE_NOOP(
        "Errors", "Cannot tell the brief's format from '{name}'; name the file .docx, .csv or .json, or choose the format ({choices})."),
    "connect.format_must_be_one": QT_TRANSLATE_NOOP(
        "Errors", "The brief format must be one of: {choices}."),
    "connect.purpose_must_be_one": QT_TRANSLATE_NOOP(
        "Errors", "The brief's purpose must be one of: {choices}."),
    # conflict explanations (not errors): why accounts disagree (app.connect.corroborate).
    # Each English template filled in is the conflict's stored ``explanation`` itself; a term
    # or a date inside is a parameter the window words in its language.
    "connect_conflict.date": QT_TRANSLATE_NOOP(
        "Errors", "The same witness dates {terms} to periods that do not overlap ({code_a}: "
        "{date_a}; {code_b}: {date_b})."),
    "connect_conflict.place": QT_TRANSLATE_NOOP(
        "Errors", "The same witness places {act} in the same period at {places_a} ({code_a}) "
        "and at {places_b} ({code_b})."),
    "connect_conflict.period": QT_TRANSLATE_NOOP(
        "Errors", "{code} dates an account about {term} {date}, outside the period recorded "
        "for it ({start} to {stop})."),
    "connect_conflict.list": QT_TRANSLATE_NOOP("Errors", "{first}, {rest}"),
    "originals.delete_failed": QT_TRANSLATE_NOOP(
        "Errors", "{name} could not be deleted ({strerror}); delete it yourself (the imported copy in the vault is safe)."),
    "originals.changed_since_import": QT_TRANSLATE_NOOP(
        "Errors", "{name} has changed since it was imported, so it was not deleted; check which file it is before deleting it yourself."),
    "originals.unreadable": QT_TRANSLATE_NOOP(
        "Errors", "{name} cannot be read ({strerror}), so it was not deleted; delete it yourself."),
    "originals.not_a_plain_file": QT_TRANSLATE_NOOP(
        "Errors", "{name} is no longer a plain file at that place, so it was not deleted; check the folder yourself."),
    "dates.what_consent_date": QT_TRANSLATE_NOOP(
        "Errors", "The consent date"),
    "dates.what_interview_date": QT_TRANSLATE_NOOP(
        "Errors", "The interview date"),
    "dates.what_date": QT_TRANSLATE_NOOP(
        "Errors", "The date"),
    "dates.day_has_time": QT_TRANSLATE_NOOP(
        "Errors", "{what} '{text}' is a day without a time; write it as 2026-11-29."),
    "dates.unreadable": QT_TRANSLATE_NOOP(
        "Errors", "{what} '{text}' is not a date this app can read; write it as {example} (year-month-day, 24-hour time)."),
    "dates.ambiguous": QT_TRANSLATE_NOOP(
        "Errors", "{what} '{text}' is ambiguous (day/month or month/day?); write it year first, for example {example}."),
    "dates.not_year_first": QT_TRANSLATE_NOOP(
        "Errors", "{what} '{text}' does not start with the year; write it year first, as {suggested}, so that it cannot be misread."),
    "dates.not_real": QT_TRANSLATE_NOOP(
        "Errors", "{what} '{text}' is not a real date or time; write it as {example} (year-month-day, 24-hour time)."),
}
