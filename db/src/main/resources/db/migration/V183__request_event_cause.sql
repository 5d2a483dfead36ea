-- Why a print station could not tell a card's outcome, as a stable code (HaltCause:
-- CARD_UNKNOWN_NO_ANSWER, CARD_UNKNOWN_COUNTERS...) the console words for a reader; reason then
-- keeps the device's own text. Null on every other move of a request.
alter table print_request_event add column cause varchar;
