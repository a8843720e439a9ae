/* The work-plan archive: small progressive enhancements; the site works without this file. */
