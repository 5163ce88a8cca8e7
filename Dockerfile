# Opinions API: serves the database, loading seeds/ into it when it is empty.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    OPINIONS_DATABASE_URL=sqlite:////data/opinions.db
WORKDIR /app

# Installed as the README does: the project in editable mode, so migrations/ and seeds/ stay beside it.
COPY pyproject.toml README.md alembic.ini ./
COPY app ./app
COPY migrations ./migrations
COPY seeds ./seeds
RUN pip install --no-cache-dir -e . \
 && useradd --system --uid 10001 --home-dir /app opinions \
 && mkdir -p /data && chown opinions /data

USER opinions
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2)"
CMD ["opinions", "serve", "--host", "0.0.0.0", "--port", "8000"]
