-- 0002: two more answers of a check-in, both optional, so journals and
-- exports from before them stay valid.
--
-- legs: how the legs felt, 1 heavy and flat (easy paces felt hard) ... 5 a
-- pop in my legs; NULL when not given.
-- day_type: what kind of day it was: 'normal' (every day before this
-- migration), 'sick', 'injured', 'travel' or 'race'.

ALTER TABLE checkins ADD COLUMN legs INTEGER CHECK (legs BETWEEN 1 AND 5);
ALTER TABLE checkins ADD COLUMN day_type TEXT NOT NULL DEFAULT 'normal'
    CHECK (day_type IN ('normal', 'sick', 'injured', 'travel', 'race'));
