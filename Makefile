# Developer commands for api. `make help` lists them.
SHELL := bash
.DEFAULT_GOAL := help
MVNW := ./mvnw -B -ntp

.PHONY: help run test build outdated clean startup-time image-startup reliability soak bench engine builder-local image image-maven check-deploy verify-prod abuse

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-14s %s\n", $$1, $$2}'

run: ## Run the service (embedded PostgreSQL in .data/ unless DATABASE_URL is set)
	$(MVNW) -q test-compile exec:java -Dexec.mainClass=io.realworld.api.DevServer -Dexec.classpathScope=test \
	  -Dlogback.configurationFile=src/tools/resources/logback-dev.xml

test: ## Run every test: unit, integration (embedded PostgreSQL), architecture, contract
	$(MVNW) verify

build: ## Build target/api.jar (tests skipped)
	$(MVNW) -DskipTests package

outdated: ## List dependencies and plugins that have newer releases (versions-maven-plugin)
	$(MVNW) versions:display-dependency-updates versions:display-plugin-updates

check-deploy: ## Validate deploy/ and the CI workflow with kubectl kustomize, action-validator, docker compose config
	scripts/check-deploy.sh

verify-prod: ## Prove the production contract: image mode with pack + Docker, else process mode
	scripts/verify-prod.sh

clean: ## Remove build output
	$(MVNW) -q clean

startup-time: build ## Measure process start -> ready against a real PostgreSQL (budget 1.5 s)
	scripts/startup-time.sh

image-startup: ## Time docker run -> ready for the image in 768m/2, 512m/1 and 256m/2 containers, with and without the startup cache
	scripts/image-startup.sh

reliability: ## Fault suites on the packaged jar: SIGTERM, database outage/absence, slow clients, 256 MiB (~5 min)
	scripts/reliability.sh

abuse: ## Abuse by valid requests on the packaged jar at 256 MiB behind a proxy configuration: floods, throttles, tokens (~5 min)
	scripts/abuse.sh

soak: ## The image in a 256 MiB container under a steady load for 10 minutes: no error, no OOM kill, flat memory (SOAK_SECONDS=)
	scripts/soak.sh

bench: build ## Benchmark the jar on the host and the image in 512m and 256m containers with wrk (~15 min; BENCH_SECONDS=5 for a quick look); see scripts/bench.sh
	scripts/bench.sh

engine: ## Start a Docker-compatible engine (podman + runc from Debian) unless one answers; prints DOCKER_HOST
	scripts/engine.sh

builder-local: ## Build the local stand-in for the Paketo builder: pack, lifecycle, libjvm's JVM buildpack, Debian stack (docs/builder-local.md)
	scripts/builder-local.sh

image: ## Build the image `api` with pack (the Paketo builder, else the local stand-in; BUILDER= picks one)
	scripts/image.sh pack

image-maven: ## Build the image `api` with ./mvnw spring-boot:build-image (same builder choice)
	scripts/image.sh maven
