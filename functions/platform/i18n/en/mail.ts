// The English catalogue's `mail` section (see ./index.ts).
import type { mail as nlMail } from '../nl/mail';

export const mail: Record<keyof typeof nlMail, string> = {
  'mail.request-offered.subject': 'A neighbour asks for help',
  'mail.request-offered.body': 'There is a request for help near you that fits you. See in Wijkloket whether you can help.',
  'mail.referral-offered.subject': 'Referral for {initiative}: {topic} in {district}',
  'mail.referral-offered.body':
    'Wijkloket refers a resident to {initiative}: a request about {topic} in {district}. Can you help? Open the link to read the request and respond (yes, or no because you are full): {link} . The link works for {days} days and is for you only: do not forward it.',
  'mail.referral-reminder.subject': 'Reminder: how is the referral going? ({topic})',
  'mail.referral-reminder.body':
    '{initiative} took a referral about {topic} in {district}. Is the help finished, or is it not working out? Close the referral through this link: {link} . If we hear nothing, we will look for someone else in a week.',
  'mail.referral-returned.subject': 'The referral went to someone else ({topic})',
  'mail.referral-returned.body':
    'We did not hear about the referral about {topic} in {district} and passed the request on. No problem: thank you for your help.',
  'mail.claim-reminder.subject': 'Reminder: how is the request going?',
  'mail.claim-reminder.body': 'You took a request for help. Let us know how it is going, or hand it back if it does not work out.',
  'mail.claim-released.subject': 'The request has been handed back',
  'mail.claim-released.body': 'We did not hear from you and passed the request on. No problem: thank you for your help.',
  'mail.escalated-to-team.subject': 'New request {reference} for the district team ({district})',
  'mail.escalated-to-team.body':
    'There is a new request in the queue of {district}. Reference: {reference}. Priority: {priority}. Why it is with the team: {reason}. Open it in the workspace: {caseUrl}',
  'mail.team-overdue.subject': 'Attention: request {reference} is waiting too long ({district})',
  'mail.team-overdue.body':
    'Request {reference} in {district} is past its deadline. Priority: {priority}. Why it is with the team: {reason}. Take it now or assign it: {caseUrl}',
  'mail.request-claimed.subject': 'Someone is going to help you ({reference})',
  'mail.request-claimed.body':
    'A volunteer or an initiative near you has taken your request and will contact you. Want to see how it is going? Go to {statusUrl} and enter your reference code {reference} and this e-mail address.',
  'mail.receipt.subject': 'We received your request ({reference})',
  'mail.receipt.body':
    'Thank you for your request. Your reference code is {reference}. Want to see how it is going? Go to {statusUrl} and enter your reference code and this e-mail address. Is someone in danger now? Call 112. Questions? Call the district team: {team}.',
  'mail.information-requested.subject': 'We have a question for you ({reference})',
  'mail.information-requested.body':
    'To help you well, we need more information. Go to {statusUrl}, enter your reference code {reference} and this e-mail address, and read the question.',
  'mail.sign-in-code.subject': 'Your sign-in code: {code}',
  'mail.sign-in-code.body':
    'Your code to sign in to Wijkloket is {code}. It works for 15 minutes, once. Did you not ask for a code? Then you can ignore this message.',
  'mail.volunteer-welcome.subject': 'Welcome as a volunteer at Wijkloket',
  'mail.volunteer-welcome.body':
    'Thank you for signing up. The municipality’s volunteer coordinator will look at it and let you know when you can start. You can always sign in with this address at {signInUrl}.',
  'mail.volunteer-known.subject': 'You are already signed up at Wijkloket',
  'mail.volunteer-known.body':
    'Someone signed this address up as a volunteer, but you are signed up already. Sign in at {signInUrl} to see your details. Was this not you? Then you do not need to do anything.',
  'mail.volunteer-approved.subject': 'You are approved as a volunteer',
  'mail.volunteer-approved.body': 'Good news: the coordinator approved your sign-up. Sign in at {signInUrl} to see which requests fit you.',
  'mail.concern-raised.subject': 'Concern about request {reference} ({district})',
  'mail.concern-raised.body':
    'A volunteer is worried about someone they helped (request {reference}, {district}). The concern is in the district team’s queue, with the request: {caseUrl}',
  'mail.concern-received.subject': 'Your concern has been received',
  'mail.concern-received.body':
    'Thank you for reporting this. The district team has received your concern and will look into it. You will not hear what happens next: that stays between the resident and the district team.',
  'mail.offers-digest.subject': 'Requests near you that fit you ({count})',
  'mail.offers-digest.body':
    'There are {count} new requests near you that fit you. See at {volunteerUrl} whether you can help. No time for a while? Pause yourself on the same page.',
  'mail.was-it-solved.subject': 'Was your request solved? ({reference})',
  'mail.was-it-solved.body':
    'Whoever helped you says it worked out. Is that right? Let us know: go to {statusUrl} and enter your reference code {reference} and this e-mail address. If we hear nothing within 14 days, we close the request as solved.',
  'mail.concern-acknowledged.subject': 'The district team has read your concern',
  'mail.concern-acknowledged.body':
    'A professional from the district team has read your concern. Thank you for reporting it. What happens next stays between the resident and the district team.',
  'mail.team-message.subject': 'A message from the district team ({reference})',
  'mail.team-message.body':
    'The district team has sent you a message. Go to {statusUrl}, enter your reference {reference} and this e-mail address, and read the message.',
  'mail.wmo-deadline-near.subject': 'Wmo deadline of request {reference} is near ({district})',
  'mail.wmo-deadline-near.body':
    'The legal deadline of request {reference} in {district} ends within a week. Record the conversation, the report or the decision in the workspace: {caseUrl}',
  'mail.wmo-deadline-passed.subject': 'Wmo deadline of request {reference} has passed ({district})',
  'mail.wmo-deadline-passed.body':
    'The legal deadline of request {reference} in {district} has passed. Contact the resident today and record what happens: {caseUrl}',
  'mail.volunteer-rejected.subject': 'Your sign-up as a volunteer',
  'mail.volunteer-rejected.body':
    'Thank you for signing up. The volunteer coordinator has decided that you will not start as a volunteer for now. Questions about this? Call the municipality: {team}.',
  'mail.volunteer-withdrawn.subject': 'You are no longer a volunteer with Wijkloket',
  'mail.volunteer-withdrawn.body':
    'The volunteer coordinator has withdrawn your approval as a volunteer. The requests you held go to other helpers. Questions about this? Call the municipality: {team}.',
};
