-- Why a print station halted a printer, as a stable code (HaltCause: NOT_ANSWERING,
-- CARD_UNKNOWN_COUNTERS...) the console words for an operator; mode_reason then keeps the device's
-- own text as its detail. Null when an officer set the mode (paused by, resumed by, settled by).
alter table printer add column mode_cause varchar;
