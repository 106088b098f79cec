// Plain-language e-mail texts for the engine's notifications, in Dutch and English. No personal data of the
// resident ever goes into them: a link to the request is enough.
import type { Locale } from '../../kernel/municipality';
import type { NotificationTemplate } from '../../platform/outbox/notifications';

const TEXTS: Record<NotificationTemplate, Record<Locale, { subject: string; body: string }>> = {
  'request-offered': {
    nl: { subject: 'Een buur vraagt om hulp', body: 'Er is een hulpvraag in uw buurt die bij u past. Kijk in Wijkloket of u kunt helpen.' },
    en: { subject: 'A neighbour asks for help', body: 'There is a request for help near you that fits you. See in Wijkloket whether you can help.' },
  },
  'referral-offered': {
    nl: {
      subject: 'Doorverwijzing voor {initiative}: {topic} in {district}',
      body: 'Wijkloket verwijst een inwoner naar {initiative}: een vraag over {topic} in {district}. Kunt u helpen? Open de link om de vraag te lezen en te reageren (ja, of nee omdat u vol zit): {link} . De link werkt {days} dagen en is alleen voor u: stuur hem niet door.',
    },
    en: {
      subject: 'Referral for {initiative}: {topic} in {district}',
      body: 'Wijkloket refers a resident to {initiative}: a request about {topic} in {district}. Can you help? Open the link to read the request and respond (yes, or no because you are full): {link} . The link works for {days} days and is for you only: do not forward it.',
    },
  },
  'referral-reminder': {
    nl: {
      subject: 'Herinnering: hoe staat het met de doorverwijzing? ({topic})',
      body: '{initiative} nam een doorverwijzing aan over {topic} in {district}. Is de hulp klaar, of lukt het niet? Sluit de doorverwijzing af via deze link: {link} . Horen wij niets, dan zoeken wij over een week iemand anders.',
    },
    en: {
      subject: 'Reminder: how is the referral going? ({topic})',
      body: '{initiative} took a referral about {topic} in {district}. Is the help finished, or is it not working out? Close the referral through this link: {link} . If we hear nothing, we will look for someone else in a week.',
    },
  },
  'referral-returned': {
    nl: {
      subject: 'De doorverwijzing ging naar iemand anders ({topic})',
      body: 'Wij hoorden niets over de doorverwijzing over {topic} in {district} en hebben de vraag aan iemand anders gegeven. Geen probleem: dank u voor uw inzet.',
    },
    en: {
      subject: 'The referral went to someone else ({topic})',
      body: 'We did not hear about the referral about {topic} in {district} and passed the request on. No problem: thank you for your help.',
    },
  },
  'claim-reminder': {
    nl: {
      subject: 'Herinnering: hoe gaat het met de hulpvraag?',
      body: 'U pakte een hulpvraag op. Laat even weten hoe het gaat, of geef de vraag terug als het niet lukt.',
    },
    en: {
      subject: 'Reminder: how is the request going?',
      body: 'You took a request for help. Let us know how it is going, or hand it back if it does not work out.',
    },
  },
  'claim-released': {
    nl: {
      subject: 'De hulpvraag is teruggegeven',
      body: 'We hoorden niets en hebben de vraag aan iemand anders gegeven. Geen probleem: dank u voor uw inzet.',
    },
    en: {
      subject: 'The request has been handed back',
      body: 'We did not hear from you and passed the request on. No problem: thank you for your help.',
    },
  },
  'escalated-to-team': {
    nl: {
      subject: 'Nieuwe vraag in de wachtrij van het wijkteam',
      body: 'Er staat een nieuwe vraag in de wachtrij. Bekijk de prioriteit en pak hem op.',
    },
    en: { subject: 'New request in the district team queue', body: 'A new request is waiting in the queue. Check its priority and pick it up.' },
  },
  'team-overdue': {
    nl: { subject: 'Let op: een vraag wacht te lang', body: 'Een vraag in de wachtrij is over de tijd. Pak hem nu op of wijs hem toe.' },
    en: { subject: 'Attention: a request is waiting too long', body: 'A request in the queue is past its time. Pick it up now or assign it.' },
  },
  'request-claimed': {
    nl: {
      subject: 'Iemand gaat u helpen ({reference})',
      body: 'Een vrijwilliger of een initiatief uit uw buurt heeft uw vraag opgepakt en neemt contact met u op. Wilt u zien hoe het ermee staat? Ga naar {site}/mijn-vraag/ en vul uw vraagnummer {reference} en dit e-mailadres in.',
    },
    en: {
      subject: 'Someone is going to help you ({reference})',
      body: 'A volunteer or an initiative near you has taken your request and will contact you. Want to see how it is going? Go to {site}/en/my-request/ and enter your reference code {reference} and this e-mail address.',
    },
  },
  receipt: {
    nl: {
      subject: 'Wij hebben uw vraag ontvangen ({reference})',
      body: 'Dank u wel voor uw vraag. Uw vraagnummer is {reference}. Wilt u zien hoe het ermee staat? Ga naar {site}/mijn-vraag/ en vul uw vraagnummer en dit e-mailadres in. Is er nu gevaar? Bel 112. Vragen? Bel het wijkteam: {team}.',
    },
    en: {
      subject: 'We received your request ({reference})',
      body: 'Thank you for your request. Your reference code is {reference}. Want to see how it is going? Go to {site}/en/my-request/ and enter your reference code and this e-mail address. Is someone in danger now? Call 112. Questions? Call the district team: {team}.',
    },
  },
  'information-requested': {
    nl: {
      subject: 'Wij hebben een vraag voor u ({reference})',
      body: 'Om u goed te helpen, hebben wij meer informatie nodig. Ga naar {site}/mijn-vraag/, vul uw vraagnummer {reference} en dit e-mailadres in, en lees de vraag.',
    },
    en: {
      subject: 'We have a question for you ({reference})',
      body: 'To help you well, we need more information. Go to {site}/en/my-request/, enter your reference code {reference} and this e-mail address, and read the question.',
    },
  },
  'sign-in-code': {
    nl: {
      subject: 'Uw code om in te loggen: {code}',
      body: 'Uw code om in te loggen bij Wijkloket is {code}. De code werkt 15 minuten en één keer. Vroeg u geen code aan? Dan kunt u dit bericht negeren.',
    },
    en: {
      subject: 'Your sign-in code: {code}',
      body: 'Your code to sign in to Wijkloket is {code}. It works for 15 minutes, once. Did you not ask for a code? Then you can ignore this message.',
    },
  },
  'volunteer-welcome': {
    nl: {
      subject: 'Welkom als vrijwilliger bij Wijkloket',
      body: 'Dank u wel voor uw aanmelding. De vrijwilligerscoördinator van de gemeente bekijkt hem en laat u weten of u kunt beginnen. U kunt altijd inloggen met dit e-mailadres op {site}/inloggen/.',
    },
    en: {
      subject: 'Welcome as a volunteer at Wijkloket',
      body: 'Thank you for signing up. The municipality’s volunteer coordinator will look at it and let you know when you can start. You can always sign in with this address at {site}/en/sign-in/.',
    },
  },
  'volunteer-known': {
    nl: {
      subject: 'U bent al aangemeld bij Wijkloket',
      body: 'Iemand meldde dit e-mailadres aan als vrijwilliger, maar u bent al aangemeld. Log in op {site}/inloggen/ om uw gegevens te bekijken. Was u dit niet? Dan hoeft u niets te doen.',
    },
    en: {
      subject: 'You are already signed up at Wijkloket',
      body: 'Someone signed this address up as a volunteer, but you are signed up already. Sign in at {site}/en/sign-in/ to see your details. Was this not you? Then you do not need to do anything.',
    },
  },
  'volunteer-approved': {
    nl: {
      subject: 'U bent goedgekeurd als vrijwilliger',
      body: 'Goed nieuws: de coördinator heeft uw aanmelding goedgekeurd. Log in op {site}/inloggen/ om te zien welke vragen bij u passen.',
    },
    en: {
      subject: 'You are approved as a volunteer',
      body: 'Good news: the coordinator approved your sign-up. Sign in at {site}/en/sign-in/ to see which requests fit you.',
    },
  },
  'concern-raised': {
    nl: {
      subject: 'Zorgsignaal van een vrijwilliger',
      body: 'Een vrijwilliger maakt zich zorgen over iemand die hij of zij hielp. Het signaal staat in de wachtrij van het wijkteam, met de vraag erbij.',
    },
    en: {
      subject: 'Concern from a volunteer',
      body: 'A volunteer is worried about someone they helped. The concern is in the district team’s queue, with the request.',
    },
  },
  'concern-received': {
    nl: {
      subject: 'Uw zorgsignaal is ontvangen',
      body: 'Dank u wel dat u dit meldde. Het wijkteam heeft uw zorgsignaal ontvangen en kijkt ernaar. U hoort niet wat er verder gebeurt: dat blijft tussen de inwoner en het wijkteam.',
    },
    en: {
      subject: 'Your concern has been received',
      body: 'Thank you for reporting this. The district team has received your concern and will look into it. You will not hear what happens next: that stays between the resident and the district team.',
    },
  },
  'offers-digest': {
    nl: {
      subject: 'Vragen in uw buurt die bij u passen ({count})',
      body: 'Er zijn {count} nieuwe vragen in uw buurt die bij u passen. Kijk op {site}/vrijwilliger/ of u kunt helpen. Even geen tijd? Pauzeer uzelf op dezelfde pagina.',
    },
    en: {
      subject: 'Requests near you that fit you ({count})',
      body: 'There are {count} new requests near you that fit you. See at {site}/en/volunteer/ whether you can help. No time for a while? Pause yourself on the same page.',
    },
  },
  'was-it-solved': {
    nl: {
      subject: 'Is uw vraag opgelost? ({reference})',
      body: 'Wie u hielp, meldt dat het gelukt is. Klopt dat? Laat het ons weten: ga naar {site}/mijn-vraag/, vul uw vraagnummer {reference} en dit e-mailadres in. Horen wij binnen 14 dagen niets, dan sluiten wij de vraag als opgelost.',
    },
    en: {
      subject: 'Was your request solved? ({reference})',
      body: 'Whoever helped you says it worked out. Is that right? Let us know: go to {site}/en/my-request/ and enter your reference code {reference} and this e-mail address. If we hear nothing within 14 days, we close the request as solved.',
    },
  },
};

export function renderNotification(
  template: NotificationTemplate,
  locale: Locale,
  params: Record<string, string> = {},
): { subject: string; body: string } {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
  const { subject, body } = TEXTS[template][locale];
  return { subject: fill(subject), body: fill(body) };
}
