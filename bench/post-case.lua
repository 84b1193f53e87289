-- wrk script: POST a small CXM case as JSON.
wrk.method = "POST"
wrk.body   = '{"reference":"101004567890","caseType":"noise-nuisance","status":"submitted","fields":{"noise-type":{"value":"MUSIC","label":"Amplified music"}}}'
wrk.headers["Content-Type"] = "application/json"
