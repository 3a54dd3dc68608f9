"""Attendance: a member's attendance belongs to their appointment on the meeting's body on the
meeting date; a deputy is named exactly when the status says one attended, on the row of the
member they stand in for; someone who is not a member is recorded only as present (in
attendance) — apologies and absence are a member's."""

from django.core.exceptions import ValidationError

from icsgov.core.dates import format_date, period_end
from icsgov.core.periods import overlaps
from partnerships.choices import AttendanceStatus


def check_attendance(attendance):
    errors = {}
    if attendance.status == AttendanceStatus.DEPUTY and not attendance.deputy_id:
        errors["deputy"] = "Name the deputy who attended."
    if attendance.deputy_id and attendance.status != AttendanceStatus.DEPUTY:
        errors["status"] = "A deputy is recorded only with status 'deputy'."
    membership = attendance.membership if attendance.membership_id else None
    meeting = attendance.meeting if attendance.meeting_id else None
    if membership is None and attendance.status == AttendanceStatus.DEPUTY:
        errors["membership"] = (
            "A deputy is recorded on the row of the member they stand in for: choose that "
            "member's appointment."
        )
    elif membership is None and attendance.status != AttendanceStatus.PRESENT:
        errors["status"] = (
            "Someone who is not a member of the body is recorded only as present (in "
            "attendance); apologies and absence are recorded for members."
        )
    if membership is not None:
        if attendance.person_id and membership.person_id != attendance.person_id:
            errors["membership"] = "That appointment belongs to someone else."
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
