"""PATCH /v1/experts/{id}: a person's merge patch of an expert; names stay unique; the sort key follows."""

from __future__ import annotations

import pytest

from tests.writes.counters import assert_counters_agree
from tests.writes.support import events, patch


def test_a_patch_sets_marks_and_records_each_field(writer, writable_url, keys):
    before = writer.get("/v1/experts/1").json()
    body = {"name": "Serik Mambetalin", "nationality": "Kazakh", "countries": ["kz"], "roles": ["economist"],
            "affiliations": None}

    response = patch(writer, "/v1/experts/1", body, keys.write)

    expert = response.json()
    assert response.status_code == 200 and expert == writer.get("/v1/experts/1").json()
    assert (expert["name"], expert["nationality"], expert["countries"], expert["roles"], expert["affiliations"]) == (
        "Serik Mambetalin", "Kazakh", ["KZ"], ["economist"], [])
    assert before["name"] in expert["aliases"]  # the old name stays findable
    assert expert["curated"] and expert["curated_fields"] == sorted(body) and expert["curated_by"] == "write-tester"
    (event,) = events(writable_url, "expert")
    assert event["action"] == "updated" and event["changes"]["name"] == [before["name"], "Serik Mambetalin"]
    assert event["changes"]["countries"] == [before["countries"], ["KZ"]]
    by_name = writer.get("/v1/statements", params={"expert": 1, "limit": 1}).json()["items"][0]
    assert by_name["expert"]["name"] == "Serik Mambetalin"
    assert_counters_agree(writable_url)  # statement.expert_name followed


def test_a_name_another_expert_has_is_a_409(writer, keys):
    taken = writer.get("/v1/experts/3").json()["name"]
    response = patch(writer, "/v1/experts/1", {"name": taken.upper()}, keys.write)
    assert response.status_code == 409 and writer.get("/v1/experts/1").json()["name"] != taken


def test_keys_missing_expert_and_media_type(writer, keys):
    assert patch(writer, "/v1/experts/1", {"roles": []}, {}).status_code == 401
    assert patch(writer, "/v1/experts/1", {"roles": []}, keys.read).status_code == 403
    assert patch(writer, "/v1/experts/987654", {"roles": []}, keys.write).status_code == 404
    assert writer.patch("/v1/experts/1", content="roles=", headers={**keys.write, "Content-Type": "text/plain"}
                        ).status_code == 415


@pytest.mark.parametrize(("body", "param"), [
    ({"name": None}, "name"), ({"name": "---"}, "name"), ({"countries": ["Kazakhstan"]}, "countries.0"),
    ({"statement_count": 3}, "statement_count"), ({}, "body")])
def test_a_bad_member_is_a_422_naming_it(writer, keys, body, param):
    response = patch(writer, "/v1/experts/1", body, keys.write)
    assert response.status_code == 422 and response.json()["param"] == param, response.text
