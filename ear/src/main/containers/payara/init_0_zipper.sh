# Zipper's resources (datasource, Artemis adapter, JMS) from this container's ZIPPER_* settings, as the
# post-boot commands the image runs before its deployments; written afresh at every start. The image's
# entrypoint sources it (hence no shebang and no set -e: those would be the entrypoint's).
/opt/zipper/ear/src/main/payara/payara.sh boot-commands /tmp > "$POSTBOOT_COMMANDS"
