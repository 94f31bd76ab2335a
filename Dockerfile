# The app image used by docker-compose.yml and docker-compose.single.yml. Build the jar first: mvn -q package -DskipTests
FROM eclipse-temurin:17-jre
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY target/examops.jar /app/examops.jar
ENV EXAMOPS_DATA_DIR=/data
VOLUME /data
# 8080: HTTP and WebSocket; 5701: Hazelcast, between clustered nodes (the event bus takes a random port)
EXPOSE 8080 5701
ENTRYPOINT ["java", "-Xmx768m", "-jar", "/app/examops.jar"]
