# Developer commands for api. `make help` lists them.
SHELL := bash
.DEFAULT_GOAL := help
MVNW := ./mvnw -B -ntp

.PHONY: help run test build clean verify-prod

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-14s %s\n", $$1, $$2}'

run: ## Run the service (embedded PostgreSQL in .data/ unless DATABASE_URL is set)
	$(MVNW) -q test-compile exec:java -Dexec.mainClass=io.realworld.api.DevServer -Dexec.classpathScope=test

test: ## Run every test: unit, integration (embedded PostgreSQL), architecture, contract
	$(MVNW) verify

build: ## Build target/api.jar (tests skipped)
	$(MVNW) -DskipTests package

verify-prod: ## Prove the production contract: image mode with pack + Docker, else process mode
	scripts/verify-prod.sh

clean: ## Remove build output
	$(MVNW) -q clean
