"""PATCH /v1/statements/{id}: a person's merge patch; If-Match against the statement's own ETag; marks,
events and counters; every problem it can answer."""

from __future__ import annotations

import pytest

from tests.writes.counters import assert_counters_agree
from tests.writes.support import events, patch

ONE = "/v1/statements/{}"


def first_of(client, expert_id: int) -> dict:
    return client.get("/v1/statements", params={"expert": expert_id, "limit": 1}).json()["items"][0]


class TestPatch:
    def test_rejecting_hides_the_statement_from_lists_and_counts(self, writer, writable_url, keys):
        statement = first_of(writer, 1)
        topic = statement["topics"][0]
        before = {"expert": writer.get("/v1/experts/1").json()["statement_count"],
                  "document": writer.get("/v1/documents/1").json()["statement_count"],
                  "topic": writer.get(f"/v1/topics/{topic}").json()["statement_count"]}

        response = patch(writer, ONE.format(statement["id"]), {"status": "rejected"}, keys.write)

        assert response.status_code == 200 and response.json()["status"] == "rejected"
        listed = [s["id"] for s in writer.get("/v1/statements", params={"limit": 500}).json()["items"]]
        assert statement["id"] not in listed
        rejected = writer.get("/v1/statements", params={"status": "rejected"}).json()["items"]
        assert [s["id"] for s in rejected] == [statement["id"]]
        after = {"expert": writer.get("/v1/experts/1").json()["statement_count"],
                 "document": writer.get("/v1/documents/1").json()["statement_count"],
                 "topic": writer.get(f"/v1/topics/{topic}").json()["statement_count"]}
        assert after == {name: n - 1 for name, n in before.items()}
        facets = writer.get("/v1/statements", params={"topic": topic, "facet": ["expert", "kind"]}).json()["facets"]
        assert sum(v["count"] for v in facets["kind"]) == after["topic"]  # the topic's roll-up follows
        assert_counters_agree(writable_url)

    def test_restoring_a_rejected_statement_counts_it_again(self, writer, writable_url, keys):
        statement = first_of(writer, 1)
        patch(writer, ONE.format(statement["id"]), {"status": "rejected"}, keys.write)
        response = patch(writer, ONE.format(statement["id"]), {"status": "accepted"}, keys.write)
        assert response.json()["status"] == "accepted"
        assert writer.get("/v1/statements", params={"limit": 1}).json()["items"][0]["id"] == statement["id"]
        assert_counters_agree(writable_url)

    def test_every_field_is_set_marked_curated_and_one_event(self, writer, writable_url, keys):
        statement = first_of(writer, 1)
        body = {"expert_id": 3, "kind": "indirect" if statement["kind"] == "direct" else "direct",
                "topics": ["tolerance", "energy"], "status": "accepted"}

        response = patch(writer, ONE.format(statement["id"]), body, keys.write,
                         media={"Content-Type": "application/json"})

        answer = response.json()
        assert response.status_code == 200 and answer == writer.get(ONE.format(statement["id"])).json()
        assert (answer["expert"]["name"], answer["kind"], answer["topics"], answer["status"]) == (
            "Roman Gurevich", body["kind"], ["energy", "tolerance"], "accepted")
        assert answer["curated"] is True and answer["curated_fields"] == ["expert_id", "kind", "status", "topics"]
        assert answer["curated_by"] == "write-tester" and answer["curated_at"].endswith("Z")
        (event,) = events(writable_url, "statement")
        assert (event["actor"], event["entity_id"], event["action"]) == ("write-tester", statement["id"], "updated")
        assert event["changes"] == {"expert_id": [1, 3], "kind": [statement["kind"], body["kind"]],
                                    "topics": [statement["topics"], ["energy", "tolerance"]],
                                    "status": ["unreviewed", "accepted"]}
        by_name = writer.get("/v1/statements", params={"sort": "expert", "expert": 3, "limit": 500}).json()["items"]
        assert statement["id"] in [s["id"] for s in by_name]  # the sort key followed the new expert
        assert_counters_agree(writable_url)

    def test_a_statement_never_curated_has_empty_marks(self, writer):
        statement = first_of(writer, 1)
        assert (statement["curated"], statement["curated_fields"], statement["curated_by"],
                statement["curated_at"], statement["status"], statement["origin"]) == (
            False, [], None, None, "unreviewed", "extracted")


class TestETag:
    def test_get_and_patch_send_the_statements_own_tag(self, writer, keys):
        statement = first_of(writer, 1)
        tag = writer.get(ONE.format(statement["id"])).headers["etag"]
        other = writer.get(ONE.format(statement["id"] + 1)).headers["etag"]
        assert tag.startswith('"') and tag != other
        assert writer.get(ONE.format(statement["id"]), headers={"If-None-Match": tag}).status_code == 304

        response = patch(writer, ONE.format(statement["id"]), {"status": "accepted"}, {**keys.write, "If-Match": tag})

        new_tag = response.headers["etag"]
        assert response.status_code == 200 and new_tag != tag
        assert writer.get(ONE.format(statement["id"])).headers["etag"] == new_tag
        assert writer.get(ONE.format(statement["id"] + 1)).headers["etag"] == other  # others keep theirs

    def test_a_stale_tag_is_a_412_and_changes_nothing(self, writer, writable_url, keys):
        statement = first_of(writer, 1)
        tag = writer.get(ONE.format(statement["id"])).headers["etag"]
        patch(writer, ONE.format(statement["id"]), {"kind": "direct"}, keys.write)

        response = patch(writer, ONE.format(statement["id"]), {"status": "rejected"}, {**keys.write, "If-Match": tag})

        assert response.status_code == 412 and response.headers["content-type"] == "application/problem+json"
        assert writer.get(ONE.format(statement["id"])).json()["status"] == "unreviewed"
        assert len(events(writable_url, "statement")) == 1

    @pytest.mark.parametrize("if_match", ["*", '"0000", {tag}'])
    def test_if_match_forms_that_hold(self, writer, keys, if_match):
        statement = first_of(writer, 1)
        tag = writer.get(ONE.format(statement["id"])).headers["etag"]
        headers = {**keys.write, "If-Match": if_match.format(tag=tag)}
        assert patch(writer, ONE.format(statement["id"]), {"status": "accepted"}, headers).status_code == 200

    def test_a_weak_tag_never_matches(self, writer, keys):
        statement = first_of(writer, 1)
        tag = writer.get(ONE.format(statement["id"])).headers["etag"]
        headers = {**keys.write, "If-Match": "W/" + tag}
        assert patch(writer, ONE.format(statement["id"]), {"status": "accepted"}, headers).status_code == 412


class TestProblems:
    def test_no_key_is_401_and_a_read_key_403(self, writer, keys):
        assert patch(writer, ONE.format(1), {"status": "rejected"}, {}).status_code == 401
        assert patch(writer, ONE.format(1), {"status": "rejected"}, keys.read).status_code == 403

    def test_an_unknown_statement_is_a_404(self, writer, keys):
        assert patch(writer, ONE.format(987654), {"status": "rejected"}, keys.write).status_code == 404

    def test_another_media_type_is_a_415(self, writer, keys):
        response = writer.patch(ONE.format(1), content="status=rejected",
                                headers={**keys.write, "Content-Type": "application/x-www-form-urlencoded"})
        assert response.status_code == 415 and "merge-patch+json" in response.headers["accept-patch"]

    @pytest.mark.parametrize(("body", "param"), [
        ({"status": "maybe"}, "status"),
        ({"status": None}, "status"),
        ({"kind": "quoted"}, "kind"),
        ({"expert_id": 987654}, "expert_id"),
        ({"topics": ["no-such-topic"]}, "topics"),
        ({"topics": ["Not A Slug"]}, "topics.0"),
        ({"confidence": 1}, "confidence"),
        ({}, "body"),
        ([], "body"),
    ])
    def test_a_bad_member_is_a_422_naming_it(self, writer, writable_url, keys, body, param):
        response = patch(writer, ONE.format(1), body, keys.write)
        assert response.status_code == 422 and response.json()["param"] == param, response.text
        assert events(writable_url, "statement") == []

    def test_moving_onto_a_span_the_expert_already_has_is_a_409(self, writer, writable_url, keys):
        statement = first_of(writer, 1)
        created = writer.post("/v1/statements", headers=keys.write, json={
            "document_id": 1, "start": statement["start"], "end": statement["end"], "expert_id": 3,
            "kind": "direct"})
        assert created.status_code == 201
        assert patch(writer, ONE.format(statement["id"]), {"expert_id": 3}, keys.write).status_code == 409
        assert writer.get(ONE.format(statement["id"])).json()["expert"]["id"] == 1
