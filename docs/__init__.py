"""The manual page, shipped inside the wheel as the cstofacts.docs package (`cstofacts help --man`)."""
