"""What the review of the twelfth round found: courtesy, thanks, apologies, policies and statements
that new cues took for tasks, and the requests beside them that must stay tasks."""

from __future__ import annotations

import pytest

from mailhook.automation.addressing import SERVICE_GREETING
from mailhook.automation.cues import DISREGARD
from mailhook.automation.intent import detect_tasks

NONE = [
    ("no", "Vi setter pris på at du tok kontakt med oss."),
    ("da", "Vi sætter pris på, at du har valgt os."),
    ("no", "Gi beskjed om du har noen spørsmål."),
    ("no", "Gi meg en lyd om du lurer på noe."),
    ("sv", "Vi har tittat på saken och ber om ursäkt för besväret."),
    ("no", "Vi har sett på saken og ber om unnskyldning for ulempen."),
    ("no", "Vi returnerer ikke varer uten kvittering."),
    ("da", "Vi returnerer normalt varer inden for 30 dage."),
    ("sv", "Vi returnerar aldrig varor utan kvitto."),
    ("pl", "Będę bardzo wdzięczna za zrozumienie."),
    ("pl", "Zależy nam na utrzymaniu dobrej współpracy."),
    ("pl", "Poproszę kolegę o sprawdzenie tej sprawy."),
    ("de", "Wie Sie sehen, leiten Sie die Anfragen bisher an die falsche Adresse weiter."),
    ("no", "Jeg venter på svaret om lånet fra banken."),
    ("sv", "Vi väntar på svaret från banken om lånet."),
]
TASKS = [
    ("no", "Vi setter pris på om dere kan se på dette."),
    ("no", "Vi setter pris på at dere kan sende tilbudet innen fredag."),
    ("no", "Gi beskjed om leveringsdatoen."),
    ("no", "Vi ber om en oppdatert pris."),
    ("sv", "Vi ber er skicka fakturan."),
    ("no", "Vi returnerer den signert i morgen."),
    ("sv", "Vi returnerar den undertecknad på måndag."),
    ("pl", "Poproszę o fakturę do piątku."),
    ("pl", "Zależy nam na otrzymaniu oferty do piątku."),
    ("de", "Damit wir die Standfläche einplanen können, senden Sie uns bitte das Anmeldeformular."),
    ("no", "Vi ser fram til tilbakemeldingen din på planen."),
    ("no", "Vi venter på din tilbakemelding på tilbudet."),
    ("sv", "Vi ser fram emot din återkoppling på förslaget."),
    ("en", "Our spam filter ignored your email, could you resend the invoice?"),
    ("en", "We cannot ignore the message this sends; please review the contract by Friday."),
]


@pytest.mark.parametrize(("language", "sentence"), NONE)
def test_courtesy_thanks_apologies_and_statements_make_no_task(language: str, sentence: str) -> None:
    """Thanks for what was done ('at du tok kontakt'), 'gi beskjed om du har spørsmål' (om: if),
    an apology ('ber om unnskyldning'), a returns policy, Polish thanks for understanding, a
    German statement after a fronted clause, an answer awaited from a third party: no task."""
    assert detect_tasks(sentence, language=language).tasks == ()


@pytest.mark.parametrize(("language", "sentence"), TASKS)
def test_the_requests_beside_them_stay_tasks(language: str, sentence: str) -> None:
    """The asks, promises and awaited answers the same cues are for are still read."""
    assert detect_tasks(sentence, language=language).tasks


@pytest.mark.parametrize(("greeting", "one_reader"), [
    ("Hi all at Northdesk,", True), ("Hallo zusammen bei Datavista,", True), ("Hello support team,", True),
    ("Hi everyone at work,", False), ("Hej alla på jobbet,", False), ("Bonjour à tous chez nous,", False),
])
def test_a_group_greeting_names_a_company_only_with_a_capital(greeting: str, one_reader: bool) -> None:
    """'Hi all at Northdesk' greets a supplier's desk (one reader); 'Hi everyone at work' a group."""
    assert bool(SERVICE_GREETING.search(greeting)) is one_reader


@pytest.mark.parametrize(("sentence", "disregard"), [
    ("Please ignore my mail from this morning.", True),
    ("Bitte ignorieren Sie meine letzte Mail.", True),
    ("Merci d'ignorer mon message précédent.", True),
    ("I ignored the earlier email by mistake, can you send the invoice again?", False),
    ("Please ignore the mailing list noise.", False),
])
def test_only_a_request_to_disregard_the_authors_own_mail_is_one(sentence: str, disregard: bool) -> None:
    """The imperative on the author's own earlier message, the noun whole; a report of having
    ignored mail, or 'mailing', is none."""
    assert bool(DISREGARD.search(sentence)) is disregard
