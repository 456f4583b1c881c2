#!/usr/bin/env bash
# Prints how long a 1,000-event iCalendar feed takes to write with the service's own writer and with
# ical4j, round after round (the first rounds are the JIT warming up). About 30 s on 2 cores.
#   bash bench/calendar-writers.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin/jdk ./mvnw -B -ntp -q compile
bin/jdk ./mvnw -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/bench-calendar.classpath
classpath="$(cat target/bench-calendar.classpath):target/classes"
rm -rf target/bench-calendar && mkdir -p target/bench-calendar
bin/jdk javac -cp "$classpath" -d target/bench-calendar bench/calendar/CalendarWriters.java
bin/jdk java -Xmx256m -cp "$classpath:target/bench-calendar" org.citylinks.calendar.CalendarWriters
