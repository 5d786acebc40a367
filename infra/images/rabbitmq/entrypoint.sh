#!/bin/sh
# Writes rabbitmq.conf from the environment (default user, no loopback-only restriction) and runs the broker
# in the foreground as the rabbitmq user.
set -eu
if [ "${1:-rabbitmq-server}" = rabbitmq-server ]; then
  cat >/etc/rabbitmq/rabbitmq.conf <<CONF
default_user = $RABBITMQ_DEFAULT_USER
default_pass = $RABBITMQ_DEFAULT_PASS
default_user_tags.administrator = true
loopback_users = none
listeners.tcp.default = 5672
management.tcp.port = 15672
CONF
  mkdir -p /var/lib/rabbitmq /var/log/rabbitmq
  chown -R rabbitmq:rabbitmq /var/lib/rabbitmq /var/log/rabbitmq /etc/rabbitmq
  exec setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups /usr/lib/rabbitmq/bin/rabbitmq-server
fi
exec "$@"
