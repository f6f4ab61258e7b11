-- The per-platform count of calls in flight (V110) keeps one generic plan. Left to choose, PL/pgSQL's plan cache
-- planned it again at every claim: 61 % of its 0.73 ms a call in a burst was planning (scripts/bench throughput
-- --statements), most likely the planner reading the started_at index's end for the column's actual range through the
-- dead entries a burst leaves until the next vacuum. With the generic plan, the same index scan, it takes 0.17 ms.
alter function herald_publish_in_flight(text, timestamptz, uuid) set plan_cache_mode = force_generic_plan;
