import re


class TestTopics:
    def test_topics_are_the_taxonomy_with_counts(self, client, taxonomy):
        topics = client.get("/v1/topics").json()["items"]
        assert {t["slug"] for t in topics} == {t.slug for t in taxonomy.topics}
        assert any(t["statement_count"] > 0 for t in topics)

    def test_topic_experts_with_average_sentiment(self, client):
        experts = client.get("/v1/topics/energy/experts").json()["items"]
        assert experts and all(-1 <= (e["average_sentiment"] or 0) <= 1 for e in experts)

    def test_unknown_topic_is_404(self, client):
        response = client.get("/v1/topics/astrology")
        assert response.status_code == 404 and "astrology" in response.json()["detail"]


class TestDocuments:
    def test_list_has_counts_but_no_text(self, client):
        (doc,) = client.get("/v1/documents").json()["items"]
        assert doc["statement_count"] > 0 and "text" not in doc and len(doc["sha256"]) == 64

    def test_single_document_has_the_text(self, client):
        doc_id = client.get("/v1/documents").json()["items"][0]["id"]
        assert client.get(f"/v1/documents/{doc_id}").json()["text"].startswith("Baku")


class TestHealthAndDocs:
    def test_healthz(self, client):
        assert client.get("/healthz").json() == {"status": "ok"}

    def test_docs_page_and_every_parameter_described(self, client):
        page = client.get("/docs")
        assert page.status_code == 200
        assets = re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', page.text)
        assert assets and all(a.startswith("/") and client.get(a).status_code == 200 for a in assets)  # offline
        spec = client.get("/openapi.json").json()
        for path, ops in spec["paths"].items():
            for op in ops.values():
                assert op.get("summary"), path
                for param in op.get("parameters", []):
                    assert param.get("description"), f"{path} {param['name']}"
                    assert param.get("example") is not None or param.get("examples") or \
                        param["schema"].get("examples"), f"{path} {param['name']} has no example"


class TestWebAnnotations:
    def test_every_statement_is_an_annotation_whose_selectors_find_it(self, client):
        doc = client.get("/v1/documents/1").json()
        response = client.get("/v1/documents/1/annotations")
        assert response.headers["content-type"].startswith("application/ld+json")
        page = response.json()
        assert page["@context"] == "http://www.w3.org/ns/anno.jsonld" and page["type"] == "AnnotationPage"
        assert len(page["items"]) == doc["statement_count"]
        for item in page["items"]:
            position, quote = item["target"]["selector"]
            exact = doc["text"][position["start"]:position["end"]]
            assert quote["exact"] == exact and doc["text"].find(quote["prefix"] + exact + quote["suffix"]) >= 0
            assert item["body"][0]["purpose"] == "identifying" and "/v1/experts/" in item["body"][0]["source"]
