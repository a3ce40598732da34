import { Alert } from '../../alerts/alert.entity';
import { AlertFollowUp } from '../../alerts/alert-follow-up.entity';
import { AlertResponse } from '../../alerts/alert-response.entity';
import { HelpRequest } from '../../alerts/help-request.entity';
import { AlertDispatchEventRow } from '../../alerts/duty/entities/alert-dispatch-event.entity';
import { AlertEscalation } from '../../alerts/duty/entities/alert-escalation.entity';
import { DutyEntry } from '../../alerts/duty/entities/duty-entry.entity';
import { AlertFollowUpPlan } from '../../alerts/casework/follow-up-plan.entity';
import { AlertReferral } from '../../alerts/casework/referral.entity';
import { Article } from '../../articles/article.entity';
import { AwarenessCell } from '../../awareness/awareness-cell.entity';
import { AwarenessTarget } from '../../awareness/awareness-target.entity';
import { QuestionCount } from '../../awareness/question-count.entity';
import { Campaign } from '../../campaigns/campaign.entity';
import { EventRegistration } from '../../events/entities/event-registration.entity';
import { OutreachEvent } from '../../events/entities/event.entity';
import { HostUnit } from '../../events/entities/host-unit.entity';
import { Job } from '../jobs/job.entity';
import { NotificationDelivery } from '../../notifications/entities/notification-delivery.entity';
import { SubscribeGrant } from '../../notifications/entities/subscribe-grant.entity';
import { StaffNoticeContact } from '../../notifications/entities/staff-notice-contact.entity';
import { RegionRobot } from '../../notifications/entities/region-robot.entity';
import { LoginBackoff } from '../login-backoff/login-backoff.entity';
import { AuditLog } from '../../audit/audit-log.entity';
import { RefreshToken } from '../../auth/refresh-token.entity';
import { Hotline } from '../../hotlines/hotline.entity';
import { Question } from '../../quizzes/question.entity';
import { Quiz } from '../../quizzes/quiz.entity';
import { QuizAttempt } from '../../quizzes/quiz-attempt.entity';
import { Region } from '../../regions/region.entity';
import { Resident } from '../../residents/resident.entity';
import { AlertRuleSet } from '../../scales/alert-rule-set.entity';
import { ScaleDefinitionRecord } from '../../scales/scale-definition.entity';
import { ScaleResponse } from '../../scales/scale-response.entity';
import { Staff } from '../../staff/staff.entity';
import { CounsellorProfileRow } from '../../stations/entities/counsellor-profile.entity';
import { CounsellorStation } from '../../stations/entities/counsellor-station.entity';
import { Holiday } from '../../stations/entities/holiday.entity';
import { StationExceptionRow } from '../../stations/entities/station-exception.entity';
import { Station } from '../../stations/entities/station.entity';
import { AvailabilityBlockRow, AvailabilityExceptionRow } from '../../bookings/entities/availability.entity';
import { Booking, BookingHistoryRow, SessionNoteRow } from '../../bookings/entities/booking.entity';
import { BookingHold } from '../../bookings/entities/booking-hold.entity';
import { BookingLock } from '../../bookings/entities/booking-lock.entity';
import { BookingSettingsRow } from '../../bookings/entities/booking-settings.entity';
import { CallbackLineRow } from '../../bookings/entities/callback-line.entity';

/** Every entity; migrations are generated from this list for each dialect. */
export const ENTITIES = [
  Region, Staff, RefreshToken, Resident, AuditLog, Article,
  Hotline, ScaleDefinitionRecord, ScaleResponse, AlertRuleSet, Alert, AlertFollowUp,
  Question, Quiz, QuizAttempt, AwarenessCell, QuestionCount, AwarenessTarget, Campaign, Job,
  HostUnit, OutreachEvent, EventRegistration, SubscribeGrant, StaffNoticeContact, RegionRobot, LoginBackoff,
  AlertResponse, HelpRequest, NotificationDelivery,
  Station, StationExceptionRow, Holiday, CounsellorProfileRow, CounsellorStation,
  BookingSettingsRow, AvailabilityBlockRow, AvailabilityExceptionRow, CallbackLineRow, BookingLock, BookingHold,
  Booking, BookingHistoryRow, SessionNoteRow,
  DutyEntry, AlertEscalation, AlertDispatchEventRow,
  AlertFollowUpPlan, AlertReferral,
];
