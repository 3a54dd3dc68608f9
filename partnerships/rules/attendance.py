"""Attendance: a member's attendance belongs to their appointment on the meeting's body on the
meeting date; a substitute or deputy is named exactly when the status says one attended, on the
row of the member they stand in for (so they count for that member's seat, never as a second
member); someone who is not a member is recorded only as "in attendance" — apologies, absence
and "not recorded" are a member's. Nobody attended a cancelled meeting.

The messages are the database constraints' too (``Attendance.Meta.constraints``)."""

from django.core.exceptions import ValidationError

from icsgov.core.dates import format_date, period_end
from icsgov.core.periods import overlaps
from partnerships.choices import ATTENDED, AttendanceStatus, MeetingStatus, MembershipKind

SUBSTITUTE_NAMED = (
    "Name the substitute or deputy exactly when the status is 'represented by a substitute or "
    "deputy'."
)
NON_MEMBER = (
    "Someone who is not a member of the body is recorded as 'in attendance (not a member)'; "
    "the other statuses are a member's, on their appointment."
)
SUBSTITUTE_NOT_THE_MEMBER = "The substitute or deputy is someone other than the member."


def check_attendance(attendance):
    errors = {}
    substitute = attendance.status == AttendanceStatus.SUBSTITUTE
    if substitute and not attendance.deputy_id:
        errors["deputy"] = "Name the substitute or deputy who attended."
    if attendance.deputy_id and not substitute:
        errors["status"] = (
            "A substitute or deputy is named only with the status 'represented by a substitute "
            "or deputy'."
        )
    if attendance.deputy_id and attendance.deputy_id == attendance.person_id:
        errors["deputy"] = SUBSTITUTE_NOT_THE_MEMBER
    membership = attendance.membership if attendance.membership_id else None
    meeting = attendance.meeting if attendance.meeting_id else None
    if membership is None and substitute:
        errors["membership"] = (
            "A substitute or deputy is recorded on the row of the member they stand in for: "
            "choose that member's appointment."
        )
    elif membership is None and attendance.status != AttendanceStatus.IN_ATTENDANCE:
        errors["status"] = NON_MEMBER
    elif membership is not None and attendance.status == AttendanceStatus.IN_ATTENDANCE:
        errors["status"] = (
            "'In attendance' is for someone who is not a member; a member who came is present "
            "(or present virtually)."
        )
    came = (*ATTENDED, AttendanceStatus.SUBSTITUTE, AttendanceStatus.IN_ATTENDANCE)
    if (
        meeting is not None
        and meeting.status == MeetingStatus.CANCELLED
        and attendance.status in came
    ):
        errors["status"] = "This meeting was cancelled: nobody attended it."
    if substitute and meeting is not None and meeting.board_id and meeting.date:
        terms = _terms_in_force(meeting)
        if terms is not None and terms.substitutes_allowed is False:
            errors["status"] = (
                f"The terms of reference in force on {meeting.when} (v{terms.version}) do not "
                "allow substitutes or deputies."
            )
    if membership is not None:
        if attendance.person_id and membership.person_id != attendance.person_id:
            errors["membership"] = "That appointment belongs to someone else."
        elif membership.kind != MembershipKind.MEMBER:
            stands_in_for = membership.deputy_for.person if membership.deputy_for_id else None
            errors["membership"] = (
                f"That is a {membership.get_kind_display().lower()}'s appointment: record their "
                "attendance on the row of the member they stand in for"
                + (f" ({stands_in_for})" if stands_in_for else "")
                + ", with the status 'represented by a substitute or deputy' naming them, so "
                "they count for that member's seat and not as a second member."
            )
        elif meeting is not None:
            board = membership.post.board
            # A meeting known only to the month may have been on any of its days.
            last = period_end(meeting.date_end or meeting.date, meeting.date_precision)
            if board.pk != meeting.board_id:
                errors["membership"] = (
                    f"That appointment is to {board}, not to {meeting.board}, whose meeting "
                    "this is."
                )
            elif not overlaps(membership.start_date, membership.end_date, meeting.date, last):
                errors["membership"] = (
                    f"That appointment was not in effect on {meeting.when}: "
                    f"it runs from {format_date(membership.start_date)}"
                    + (f" to {format_date(membership.end_date)}." if membership.end_date else ".")
                )
    if errors:
        raise ValidationError(errors)


def _terms_in_force(meeting):
    from partnerships.models.terms import TermsOfReference

    return (
        TermsOfReference.objects.filter(board_id=meeting.board_id).in_force_on(meeting.date).first()
    )
